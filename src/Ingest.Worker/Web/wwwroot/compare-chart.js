// Draws each comparison chart from the data the server put on its canvas (data-chart), with Chart.js
// loaded from the same origin: the page's Content-Security-Policy runs no inline script. Without
// script the table under the chart carries the same numbers.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') {
    return;
  }

  // Colours told apart by people with the common colour-vision deficiencies (Okabe–Ito).
  var palette = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];

  document.querySelectorAll('canvas.compare-chart[data-chart]').forEach(function (canvas) {
    var data = JSON.parse(canvas.getAttribute('data-chart'));
    var chart = new Chart(canvas, {
      type: 'line',
      data: {
        labels: data.years,
        datasets: data.series.map(function (series, i) {
          var colour = palette[i % palette.length];
          return {
            label: series.label,
            data: series.values,
            borderColor: colour,
            backgroundColor: colour,
            pointRadius: 5,
            spanGaps: true,
            tension: 0
          };
        })
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: 'vi-VN',
        scales: {
          y: { title: { display: data.unit !== '', text: data.unit } },
          x: { title: { display: true, text: 'Năm' } }
        },
        plugins: { legend: { position: 'bottom' } }
      }
    });
    // Tells a test (or a curious reader of the page's source) that the chart was drawn, and of how many lines.
    canvas.setAttribute('data-drawn', String(chart.data.datasets.length));
  });
})();
