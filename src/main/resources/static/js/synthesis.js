// Live progress of a synthesis job over server-sent events. Without JavaScript the page reloads
// itself (a meta refresh inside <noscript>), so this only makes it smoother.
(function () {
  'use strict';
  var job = document.getElementById('job');
  if (!job || !window.EventSource) {
    return;
  }
  var state = job.getAttribute('data-state');
  if (state === 'SUCCEEDED' || state === 'FAILED') {
    return;
  }
  var labels = {QUEUED: 'Queued', RUNNING: 'Running', SUCCEEDED: 'Finished', FAILED: 'Failed'};
  var progress = document.getElementById('job-progress');
  var source = new EventSource(job.getAttribute('data-events'));
  source.addEventListener('progress', function (event) {
    var data = JSON.parse(event.data);
    progress.value = data.progress;
    progress.textContent = data.progress + ' %';
    document.getElementById('job-state').textContent = labels[data.state] || data.state;
    document.getElementById('job-percent').textContent = data.progress;
    document.getElementById('job-message').textContent = data.message;
    if (data.state === 'SUCCEEDED' || data.state === 'FAILED') {
      source.close();
      document.getElementById('job-done').hidden = false;
      var reload = document.getElementById('job-reload');
      if (reload) {
        reload.hidden = true;
      }
    }
  });
  source.onerror = function () {
    // the server ended the stream (job finished or limit reached): show the final state
    source.close();
    window.setTimeout(function () { window.location.reload(); }, 2000);
  };
}());
