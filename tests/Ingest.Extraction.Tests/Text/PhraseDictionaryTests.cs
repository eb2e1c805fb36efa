using PlanIngest.Extraction.Text;

namespace PlanIngest.Extraction.Tests.Text;

/// <summary>What the phrase dictionary learns from clean lines and from place names.</summary>
public sealed class PhraseDictionaryTests
{
    [Fact]
    public void A_place_name_restores_marks_in_its_own_context_only()
    {
        var dictionary = new PhraseDictionary([], SyllableLexicon.Shared, ["huyện Mường Lát"]);

        Assert.Equal("mường", dictionary.Restore("huyen", "muong", "lat")?.Form);
        Assert.Equal("lát", dictionary.Restore("muong", "lat", null)?.Form);
        // Names are not language: they neither count as words nor set a word's dominant form.
        Assert.Null(dictionary.Restore(null, "muong", null));
        Assert.Equal(0, dictionary.Total);
    }

    [Fact]
    public void Clean_lines_count_as_language_and_set_dominant_forms()
    {
        var dictionary = new PhraseDictionary(["tâm huyết", "quyết tâm", "tâm lý", "trung tâm"], SyllableLexicon.Shared);

        Assert.Equal(8, dictionary.Total);
        Assert.Equal("tâm", dictionary.Restore(null, "tam", null)?.Form);
        Assert.Equal(1, dictionary.Count(dictionary.Id("trung"), dictionary.Id("tam")));
    }

    [Fact]
    public void The_shared_dictionary_knows_district_names_from_the_gazetteer()
    {
        // "Thạch Thành" (Thanh Hóa) is named in no other data file.
        Assert.Equal("thạch", PhraseDictionary.Shared.Restore("huyen", "thach", "thanh")?.Form);
    }
}
