// lawcheck serve: a drop zone over the file input. The form posts without it.
(function () {
  var drop = document.getElementById('drop');
  var input = document.getElementById('file');
  var text = document.getElementById('drop-text');
  if (!drop || !input) { return; }
  function show() {
    if (input.files && input.files.length) { text.textContent = input.files[0].name; }
  }
  input.addEventListener('change', show);
  ['dragenter', 'dragover'].forEach(function (name) {
    drop.addEventListener(name, function (event) { event.preventDefault(); drop.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (name) {
    drop.addEventListener(name, function () { drop.classList.remove('over'); });
  });
  drop.addEventListener('drop', function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      show();
    }
  });
}());
