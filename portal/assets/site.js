// Progressive enhancement for the static portal: every page works without this file.
// - 适老化 mode: larger text, more line spacing, high contrast; remembered in localStorage.
// - Search: results fetched from the catalogue API without reloading the page.
// - Application form: hints next to each field before sending, the server's field errors next to
//   each field after, one submission at a time.
(function () {
  'use strict';
  var ELDER_KEY = 'portal.elder';
  var root = document.documentElement;
  var stored = null;
  try {
    stored = window.localStorage.getItem(ELDER_KEY);
  } catch (e) {
    /* storage refused (private mode): the mode lasts for this page */
  }
  if (stored === '1') root.classList.add('elder');

  function text(tag, content, className) {
    var el = document.createElement(tag);
    if (content) el.textContent = content;
    if (className) el.className = className;
    return el;
  }

  function elderToggle() {
    var button = document.querySelector('.elder-toggle');
    if (!button) return;
    button.hidden = false;
    var sync = function () {
      var on = root.classList.contains('elder');
      button.setAttribute('aria-pressed', on ? 'true' : 'false');
      button.textContent = on ? '退出适老化模式' : '适老化模式';
    };
    sync();
    button.addEventListener('click', function () {
      var on = root.classList.toggle('elder');
      try {
        window.localStorage.setItem(ELDER_KEY, on ? '1' : '0');
      } catch (e) {
        /* not remembered */
      }
      sync();
    });
  }

  /** The API's highlight (escaped text with <mark>) as DOM nodes, never as HTML. */
  function highlighted(html) {
    var p = text('p', '', 'snippet');
    var decode = document.createElement('textarea');
    String(html).split(/(<mark>[\s\S]*?<\/mark>)/).forEach(function (part) {
      var marked = /^<mark>([\s\S]*)<\/mark>$/.exec(part);
      decode.innerHTML = (marked ? marked[1] : part).replace(/</g, '&lt;');
      p.appendChild(marked ? text('mark', decode.value) : document.createTextNode(decode.value));
    });
    return p;
  }

  function itemHref(indexNumber) {
    return '/xxgk/' + String(indexNumber).split('/').map(encodeURIComponent).join('/') + '.html';
  }

  function search() {
    var form = document.querySelector('form[data-enhance="search"]');
    var results = document.getElementById('results');
    if (!form || !results || !window.fetch) return;
    form.addEventListener('submit', function (event) {
      var q = form.q.value.trim();
      if (!q) return;
      event.preventDefault();
      results.setAttribute('aria-busy', 'true');
      fetch('/api/catalogue?pageSize=20&q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } })
        .then(function (res) {
          return res.json().then(function (body) {
            return { ok: res.ok, body: body };
          });
        })
        .then(function (answer) {
          results.textContent = '';
          if (!answer.ok) {
            results.appendChild(text('p', (answer.body.error && answer.body.error.message) || '检索条件不正确', 'error'));
            return;
          }
          var total = answer.body.meta.pagination.total;
          results.appendChild(text('p', '共找到 ' + total + ' 条', 'count'));
          var list = text('ol', '', 'hits');
          answer.body.data.forEach(function (hit) {
            var li = document.createElement('li');
            var a = text('a', hit.title);
            a.href = itemHref(hit.indexNumber);
            li.appendChild(a);
            li.appendChild(text('p', [hit.documentNumber, hit.department && hit.department.name, hit.publishedDate && hit.publishedDate.slice(0, 10)].filter(Boolean).join(' · '), 'meta-line'));
            if (hit.highlight) li.appendChild(highlighted(hit.highlight));
            list.appendChild(li);
          });
          results.appendChild(list);
          if (total > 20) {
            var more = text('a', '查看全部结果（分页）');
            more.href = '/xxgk/search?q=' + encodeURIComponent(q) + '&page=2';
            results.appendChild(more);
          }
          window.history.replaceState(null, '', '/xxgk/search?q=' + encodeURIComponent(q));
        })
        .catch(function () {
          form.submit(); // the page without script still answers
        })
        .then(function () {
          results.removeAttribute('aria-busy');
        });
    });
  }

  function applyForm() {
    var form = document.querySelector('form[data-enhance="apply"]');
    if (!form || !window.fetch) return;
    var button = form.querySelector('button[type="submit"]');
    var summary = document.getElementById('error-summary');
    if (summary) summary.focus();

    function show(name, message) {
      var field = form.querySelector('[data-field="' + name + '"]');
      if (!field) return false;
      var input = field.querySelector('input, select, textarea');
      var error = field.querySelector('.error');
      field.classList.toggle('invalid', Boolean(message));
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
      error.textContent = message || '';
      error.hidden = !message;
      return true;
    }

    /** The browser's own checks (required, length, e-mail, pattern), in the form's words. */
    function hint(input) {
      var label = form.querySelector('label[for="' + input.id + '"]');
      var name = label ? label.firstChild.textContent.trim() : input.name;
      var v = input.validity;
      if (v.valueMissing) return name + '不能为空';
      if (v.tooShort) return name + '至少 ' + input.minLength + ' 个字';
      if (v.typeMismatch || v.patternMismatch) return name + '格式不正确';
      return '';
    }

    /** The confirmation, as apply-done.njk shows it without script. */
    function confirm(received) {
      var main = document.getElementById('main');
      main.textContent = '';
      var section = text('section', '', 'done');
      section.appendChild(text('h1', '申请已提交'));
      section.appendChild(text('p', '您的查询码：'));
      var code = text('p', received.queryCode, 'query-code');
      code.id = 'query-code';
      section.appendChild(code);
      var keep = document.createElement('p');
      keep.appendChild(text('strong', '请抄写或截图保存查询码'));
      keep.appendChild(document.createTextNode('：查询办理进度时需要它，本站不会再次显示。'));
      section.appendChild(keep);
      section.appendChild(text('p', '提交日期：' + received.submittedAt + '。网上提交的申请，以工作机构与您确认之日为收到申请之日，答复期限自该日起计算（《政府信息公开条例》第三十一条、第三十三条）。'));
      var link = text('a', '查询办理进度');
      link.href = '/xxgk/status?code=' + encodeURIComponent(received.queryCode);
      var p = document.createElement('p');
      p.appendChild(link);
      section.appendChild(p);
      main.appendChild(section);
      document.title = '申请已提交';
      main.focus();
    }

    form.addEventListener('change', function (event) {
      if (event.target.name) show(event.target.name, hint(event.target));
    });

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (button.disabled) return; // one submission at a time
      var first = null;
      Array.prototype.forEach.call(form.elements, function (input) {
        if (!input.name || input.type === 'hidden') return;
        var message = hint(input);
        show(input.name, message);
        if (message && !first) first = input;
      });
      if (first) {
        first.focus();
        return;
      }
      var data = {};
      Array.prototype.forEach.call(form.elements, function (input) {
        if (input.name && input.value !== '') data[input.name] = input.value;
      });
      button.disabled = true;
      button.textContent = '正在提交…';
      fetch('/api/disclosure-requests/apply', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(data) })
        .then(function (res) {
          return res.json().then(function (body) {
            return { status: res.status, body: body };
          });
        })
        .then(function (answer) {
          if (answer.status === 201) {
            confirm(answer.body);
            return;
          }
          var errors = (answer.body.error && answer.body.error.details && answer.body.error.details.errors) || [];
          var focus = null;
          errors.forEach(function (e) {
            var name = e.path && e.path[0];
            if (show(name, e.message) && !focus) focus = form.elements[name];
          });
          if (!errors.length) window.alert((answer.body.error && answer.body.error.message) || '提交失败，请稍后再试');
          if (focus) focus.focus();
          button.disabled = false;
          button.textContent = '提交申请';
        })
        .catch(function () {
          form.removeAttribute('data-enhance');
          form.submit();
        });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    elderToggle();
    search();
    applyForm();
  });
})();
