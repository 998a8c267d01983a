// The search box: cards whose words contain every word typed stay bright, the others fade; Enter
// goes to the next match. Written without any library, and without the network.
(function () {
  'use strict';
  var form = document.getElementById('search-form');
  var input = document.getElementById('search');
  var status = document.getElementById('search-status');
  var clear = document.getElementById('search-clear');
  if (!form || !input || !status || !clear) return;
  form.hidden = false;
  var lang = document.documentElement.lang || 'en';
  var forms = JSON.parse(status.getAttribute('data-forms') || '{}');
  var plural = new Intl.PluralRules(lang);
  var figures = new Intl.NumberFormat(lang);
  var fold = function (s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLocaleLowerCase(lang);
  };
  var cards = Array.prototype.slice.call(document.querySelectorAll('.card')).map(function (el) {
    return { el: el, text: fold(el.textContent || '') };
  });
  var hits = [];
  var current = -1;

  function run() {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    hits = [];
    current = -1;
    cards.forEach(function (c) {
      var match = words.length > 0 && words.every(function (w) { return c.text.indexOf(w) !== -1; });
      c.el.classList.toggle('hit', match);
      c.el.classList.toggle('miss', words.length > 0 && !match);
      c.el.classList.remove('current');
      if (match) hits.push(c.el);
    });
    if (words.length === 0) {
      status.textContent = '';
    } else if (hits.length === 0) {
      status.textContent = forms.zero || '';
    } else {
      var form = forms[plural.select(hits.length)] || forms.other || '';
      status.textContent = form.replace('{n}', figures.format(hits.length));
    }
  }

  function next() {
    if (hits.length === 0) return;
    if (current >= 0) hits[current].classList.remove('current');
    current = (current + 1) % hits.length;
    var el = hits[current];
    el.classList.add('current');
    el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'smooth' });
  }

  input.addEventListener('input', run);
  form.addEventListener('submit', function (e) { e.preventDefault(); next(); });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { input.value = ''; run(); }
  });
  clear.addEventListener('click', function () { input.value = ''; run(); input.focus(); });
})();
