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

// The report page: a print button, and the language switch, which shows the same report in the
// other language (sent along in <template id="lang-other">). Without this script the button stays
// hidden and the switch opens the upload page in that language.
(function () {
  function wire(root) {
    Array.prototype.forEach.call(root.querySelectorAll('button.print'), function (button) {
      button.hidden = false;
      button.addEventListener('click', function () { window.print(); });
    });
    var other = document.getElementById('lang-other');
    var link = root.querySelector('a.lang-switch');
    if (other && link) {
      link.addEventListener('click', function (event) { event.preventDefault(); swap(other); });
    }
  }
  function swap(other) {
    var shown = document.querySelector('main');
    var incoming = document.importNode(other.content.querySelector('main'), true);
    var was = { lang: document.documentElement.lang.indexOf('zh') === 0 ? 'zh' : 'en', title: document.title };
    // the downloads' data is sent once, with the page shown first: the incoming links take it
    Array.prototype.forEach.call(incoming.querySelectorAll('a[data-download]'), function (link) {
      var from = shown.querySelector('a[data-download="' + link.getAttribute('data-download') + '"]');
      if (from) { link.setAttribute('href', from.getAttribute('href')); }
    });
    shown.parentNode.replaceChild(incoming, shown);
    other.content.replaceChildren(shown);
    document.documentElement.lang = other.dataset.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = other.dataset.title;
    other.dataset.lang = was.lang;
    other.dataset.title = was.title;
    wire(incoming);
  }
  var main = document.querySelector('main');
  if (main) { wire(main); }
}());
