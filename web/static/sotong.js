/* 소통(Sotong) 점진적 향상 스크립트. 프레임워크 없음, 인라인 스크립트 없음(CSP default-src 'self').
 * (a) 세션 만료 5분 전 안내 모달 + 연장/로그아웃, 만료되면 /login?expired=1 로 이동
 * (b) htmx 교체(htmx:afterSwap) 뒤 교체된 영역의 KRDS 구성요소만 한 번씩 초기화
 * (c) 모든 htmx 요청에 X-CSRF-Token 머리글 추가
 * ui-script.js 다음에 defer 로 읽힌다(KRDS 구성요소 객체는 전역 const 라 window.* 가 아니다). */
(function () {
  "use strict";

  var WARNING_LEAD_SECONDS = 300; // 만료 5분 전에 안내
  var SHARED_KEY = "sotong.session.lastActivity"; // 여러 탭이 같은 세션을 쓰므로 마지막 활동 시각을 공유

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") || "" : "";
  }

  /* ───────────── (c) htmx 요청마다 CSRF 머리글 ───────────── */
  document.addEventListener("htmx:configRequest", function (event) {
    var token = csrfToken();
    if (token && event.detail && event.detail.headers) {
      event.detail.headers["X-CSRF-Token"] = token;
    }
  });

  /* ───────────── (b) htmx 교체 뒤 KRDS 재초기화 ─────────────
   * ui-script.js 의 init() 대부분은 document 전체를 훑어 이벤트를 붙이므로 그냥 다시 부르면 기존 요소에
   * 처리기가 두 번 붙는다. 그래서 init() 을 부르는 동안만 document.querySelectorAll 을 "교체된 영역 안의,
   * 아직 초기화하지 않은 요소"만 돌려주도록 좁히고, 초기화한 뿌리 요소에는 data-sotong-krds 표시를 남긴다. */
  function krdsComponents() {
    /* 교체된 내용에 들어올 수 있는 것만. 머리글·메뉴·도움 패널 등 배치(layout) 요소는 제외. */
    return [
      { name: "tab", root: ".krds-tab-area", obj: typeof krds_tab !== "undefined" ? krds_tab : null },
      { name: "accordion", root: ".krds-accordion", obj: typeof krds_accordion !== "undefined" ? krds_accordion : null },
      { name: "disclosure", root: ".krds-disclosure", obj: typeof krds_disclosure !== "undefined" ? krds_disclosure : null },
      { name: "modal", root: ".open-modal, .close-modal", obj: typeof krds_modal !== "undefined" ? krds_modal : null },
      { name: "contextual-help", root: ".krds-contextual-help", obj: typeof krds_contextualHelp !== "undefined" ? krds_contextualHelp : null },
      { name: "tooltip", root: ".krds-tooltip", obj: typeof krds_tooltip !== "undefined" ? krds_tooltip : null },
      { name: "drop", root: ".krds-drop-wrap", obj: typeof krds_dropEvent !== "undefined" ? krds_dropEvent : null },
      { name: "toggle-switch", root: ".krds-form-toggle-switch", obj: typeof krds_toggleSwitch !== "undefined" ? krds_toggleSwitch : null },
      { name: "info-list", root: ".krds-info-list", obj: typeof krds_infoList !== "undefined" ? krds_infoList : null },
      { name: "check", root: ".chk-group-wrap, .krds-form-chip", obj: typeof krds_chkBox !== "undefined" ? krds_chkBox : null },
      { name: "file-upload", root: ".file-upload", obj: typeof krds_fileUpload !== "undefined" ? krds_fileUpload : null }
    ];
  }

  function isMarked(el, name) {
    var node = el;
    while (node && node.nodeType === 1) {
      var marks = node.getAttribute("data-sotong-krds");
      if (marks && (" " + marks + " ").indexOf(" " + name + " ") !== -1) return true;
      node = node.parentElement;
    }
    return false;
  }

  function mark(el, name) {
    if (isMarked(el, name)) return;
    var marks = el.getAttribute("data-sotong-krds");
    el.setAttribute("data-sotong-krds", marks ? marks + " " + name : name);
  }

  function rootsIn(scope, selector) {
    var found = Array.prototype.slice.call(scope.querySelectorAll(selector));
    if (scope.matches && scope.matches(selector)) found.unshift(scope);
    return found;
  }

  /* 처음 읽을 때 KRDS(DOMContentLoaded)가 초기화한 요소에 표시만 남긴다. */
  function markInitial() {
    krdsComponents().forEach(function (c) {
      rootsIn(document, c.root).forEach(function (el) { mark(el, c.name); });
    });
  }

  function initScoped(component, scope) {
    var original = document.querySelectorAll;
    var fresh = rootsIn(scope, component.root).filter(function (el) { return !isMarked(el, component.name); });
    if (!fresh.length) return;
    document.querySelectorAll = function (selector) {
      var all = original.call(document, selector);
      return Array.prototype.filter.call(all, function (el) {
        return scope.contains(el) && !isMarked(el, component.name);
      });
    };
    try {
      component.obj.init();
    } catch (err) {
      if (window.console) console.error("KRDS " + component.name + " 초기화 실패", err);
    } finally {
      delete document.querySelectorAll; // 원래의 Document.prototype.querySelectorAll 로 되돌린다
      if (document.querySelectorAll !== original) document.querySelectorAll = original;
    }
    fresh.forEach(function (el) { mark(el, component.name); });
  }

  document.addEventListener("htmx:afterSwap", function (event) {
    var scope = event.target;
    if (!scope || scope.nodeType !== 1 || !document.documentElement.contains(scope)) return;
    krdsComponents().forEach(function (c) {
      if (c.obj && typeof c.obj.init === "function") initScoped(c, scope);
    });
  });

  /* 가로로 넘치는 표(.krds-table-wrap)는 키보드로도 스크롤할 수 있게 초점을 받게 한다(WCAG 2.1.1).
   * 스크립트가 넣은 속성만 data-sotong-scroll 로 표시해 두었다가 넘치지 않게 되면 되돌린다. */
  function markScrollableTables(scope) {
    var wraps = (scope || document).querySelectorAll(".krds-table-wrap");
    Array.prototype.forEach.call(wraps, function (wrap) {
      var overflowing = wrap.scrollWidth > wrap.clientWidth + 1;
      var ours = wrap.hasAttribute("data-sotong-scroll");
      if (overflowing && !wrap.hasAttribute("tabindex")) {
        var caption = wrap.querySelector("caption");
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", (caption && caption.textContent.trim()) || "표");
        wrap.setAttribute("data-sotong-scroll", "");
      } else if (!overflowing && ours) {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
        wrap.removeAttribute("data-sotong-scroll");
      }
    });
  }
  var resizeTimer = null;
  window.addEventListener("resize", function () {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(function () { markScrollableTables(document); }, 200);
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.target && event.target.nodeType === 1) markScrollableTables(event.target.parentElement || document);
  });

  /* 모바일 전체메뉴: 스크립트가 없을 때는 #mobile-nav/# 링크(:target)로 동작하고,
   * 있을 때는 KRDS(krds_mainMenuMobile)가 열고 닫으므로 주소 이동은 막는다. */
  function setupMobileNavLinks() {
    if (typeof krds_mainMenuMobile === "undefined") return; // KRDS 스크립트가 없으면 :target 방식 그대로
    var links = document.querySelectorAll('a[aria-controls="mobile-nav"], #mobile-nav #close-nav');
    Array.prototype.forEach.call(links, function (link) {
      link.addEventListener("click", function (event) { event.preventDefault(); });
    });
    /* Esc 는 전체 메뉴를 닫고, 메뉴를 연 단추로 초점을 돌려준다(KRDS 는 닫기 단추로만 닫는다). */
    document.addEventListener("keydown", function (event) {
      var nav = document.getElementById("mobile-nav");
      /* KRDS 는 메뉴를 먼저 보이게(display: block) 하고 is-open 은 0.1초 뒤에 붙인다: 둘 중 하나면 열린 것이다. */
      if (event.key !== "Escape" || !nav || !(nav.classList.contains("is-open") || nav.style.display === "block")) return;
      var close = nav.querySelector("#close-nav");
      var opener = document.querySelector('a[aria-controls="mobile-nav"]');
      event.preventDefault();
      if (close) close.click();
      /* KRDS 는 여닫는 동안(transition) 초점을 메뉴 안으로 옮기므로, 초점이 메뉴 안이나 문서 밖에 남아 있는 동안
       * 잠시(1.5초) 여는 단추로 돌려준다. 그사이 사람이 다른 곳으로 옮긴 초점은 건드리지 않는다. */
      var tries = 0;
      (function refocus() {
        var active = document.activeElement;
        if (opener && (!active || active === document.body || nav.contains(active))) opener.focus();
        if (++tries < 15) window.setTimeout(refocus, 100);
      })();
    });
  }

  /* ───────────── (a) 세션 만료 안내 ───────────── */
  function setupSessionTimeout() {
    var body = document.body;
    var seconds = parseInt(body.getAttribute("data-session-seconds") || "", 10);
    var modal = document.getElementById("session-timeout-modal");
    if (!(seconds > 0) || !modal) return;

    var lead = seconds > WARNING_LEAD_SECONDS ? WARNING_LEAD_SECONDS : Math.floor(seconds / 2);
    var wrap = document.getElementById("wrap");
    var back = modal.querySelector(".modal-back");
    var content = modal.querySelector(".modal-content");
    var extendButton = modal.querySelector("[data-session-extend]");
    var remainingEl = modal.querySelector("[data-session-remaining]");
    var errorEl = modal.querySelector("[data-session-error]");
    var lastActivity = Date.now();
    var timer = null;
    var open = false;
    var extending = false;
    var returnFocus = null;

    function sharedActivity() {
      try { return parseInt(window.localStorage.getItem(SHARED_KEY) || "0", 10) || 0; } catch (e) { return 0; }
    }
    function touch() {
      lastActivity = Date.now();
      try { window.localStorage.setItem(SHARED_KEY, String(lastActivity)); } catch (e) { /* 사생활 보호 모드 등 */ }
      schedule();
    }
    function deadline() {
      return Math.max(lastActivity, sharedActivity()) + seconds * 1000;
    }
    function formatRemaining(ms) {
      var total = Math.max(0, Math.ceil(ms / 1000));
      var m = Math.floor(total / 60);
      var s = total % 60;
      if (m && s) return m + "분 " + s + "초";
      return m ? m + "분" : s + "초";
    }

    /* KRDS 모달은 visibility 전환(transition)으로 나타나므로 보일 때까지 몇 번 다시 시도한다. */
    function focusWhenVisible(el, tries) {
      window.setTimeout(function () {
        if (!open || !el) return;
        el.focus();
        if (document.activeElement !== el && tries > 0) focusWhenVisible(el, tries - 1);
      }, 50);
    }
    function openModal() {
      if (open) return;
      open = true;
      returnFocus = document.activeElement;
      if (errorEl) errorEl.hidden = true;
      modal.classList.add("shown");
      if (back) back.classList.add("in");
      body.classList.add("scroll-no");
      if (wrap) wrap.setAttribute("inert", "");
      window.setTimeout(function () { modal.classList.add("in"); }, 20);
      focusWhenVisible(extendButton || content, 10);
    }
    function closeModal() {
      if (!open) return;
      open = false;
      modal.classList.remove("in");
      if (back) back.classList.remove("in");
      body.classList.remove("scroll-no");
      if (wrap) wrap.removeAttribute("inert");
      window.setTimeout(function () { if (!open) modal.classList.remove("shown"); }, 350);
      if (returnFocus && typeof returnFocus.focus === "function" && document.documentElement.contains(returnFocus)) {
        returnFocus.focus();
      }
      returnFocus = null;
    }

    function expire() {
      window.clearTimeout(timer);
      window.location.assign("/login?expired=1");
    }

    function tick() {
      var left = deadline() - Date.now();
      if (left <= 0) { expire(); return; }
      if (left <= lead * 1000) {
        if (remainingEl) remainingEl.textContent = formatRemaining(left);
        openModal();
        timer = window.setTimeout(tick, 1000);
      } else {
        closeModal(); // 다른 탭에서 연장한 경우
        // 절전·백그라운드 탭의 타이머 지연에 대비해 길어도 1분마다 다시 계산한다.
        timer = window.setTimeout(tick, Math.min(left - lead * 1000, 60000));
      }
    }
    function schedule() {
      window.clearTimeout(timer);
      tick();
    }

    function extend() {
      if (extending) return;
      extending = true;
      if (extendButton) extendButton.disabled = true;
      var headers = { "X-CSRF-Token": csrfToken(), "Accept": "application/json" };
      window.fetch("/session/extend", { method: "POST", credentials: "same-origin", headers: headers })
        .then(function (response) {
          if (response.status === 401 || response.status === 403) { expire(); return; }
          if (!response.ok) throw new Error("HTTP " + response.status);
          var type = response.headers.get("Content-Type") || "";
          return (type.indexOf("json") !== -1 ? response.json().catch(function () { return null; }) : Promise.resolve(null))
            .then(function (data) {
              if (data && data.session_seconds > 0) seconds = data.session_seconds;
              closeModal();
              touch();
            });
        })
        .catch(function () {
          if (errorEl) errorEl.hidden = false;
        })
        .then(function () {
          extending = false;
          if (extendButton) extendButton.disabled = false;
        });
    }

    if (extendButton) extendButton.addEventListener("click", extend);

    /* 모달 안에 초점을 가둔다. Esc는 "계속 이용"(연장)으로 본다. */
    modal.addEventListener("keydown", function (event) {
      if (!open) return;
      if (event.key === "Escape" || event.key === "Esc") {
        event.preventDefault();
        extend();
        return;
      }
      if (event.key !== "Tab") return;
      var focusables = Array.prototype.filter.call(
        content.querySelectorAll("a[href], button:not([disabled]), input:not([type=hidden]), select, textarea, [tabindex='0']"),
        function (el) { return el.offsetParent !== null; }
      );
      if (!focusables.length) return;
      var first = focusables[0];
      var last = focusables[focusables.length - 1];
      if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
      else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
    });

    /* 서버에 다녀온 htmx 요청은 세션을 연장한 것이다. */
    document.addEventListener("htmx:afterRequest", function (event) {
      var xhr = event.detail && event.detail.xhr;
      if (xhr && xhr.status > 0 && xhr.status !== 401) touch();
    });
    window.addEventListener("storage", function (event) {
      if (event.key === SHARED_KEY) schedule();
    });
    document.addEventListener("visibilitychange", function () {
      if (!document.hidden) schedule();
    });

    touch();
  }

  function start() {
    markInitial();
    markScrollableTables(document);
    setupMobileNavLinks();
    setupSessionTimeout();
  }

  /* defer 스크립트는 DOMContentLoaded 전에 실행된다. KRDS 의 DOMContentLoaded 처리기(먼저 등록됨)가
   * 끝난 뒤에 표시를 남겨야 하므로 같은 이벤트에 뒤이어 등록한다. */
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

/* 인쇄 단추([data-print]): 스크립트가 있을 때만 보이고 누르면 브라우저 인쇄 창을 연다(CSP 때문에 onclick 대신).
 * htmx 로 바뀐 영역의 단추도 같은 처리기(문서에 하나)로 동작한다. */
(function () {
  "use strict";
  function reveal(scope) {
    Array.prototype.forEach.call((scope || document).querySelectorAll("[data-print][hidden]"), function (button) {
      button.hidden = false;
    });
  }
  document.addEventListener("click", function (event) {
    var button = event.target && event.target.closest ? event.target.closest("[data-print]") : null;
    if (!button) return;
    event.preventDefault();
    window.print();
  });
  document.addEventListener("htmx:afterSwap", function (event) { reveal(event.target); });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { reveal(document); });
  } else {
    reveal(document);
  }
})();

/* 되돌릴 수 없는 작업의 확인: data-confirm-message 가 있는 양식은 보내기 전에 #confirm-modal 로 묻는다.
 * 확인하면 confirmed=1 을 덧붙여 보내고, 취소·Esc·바깥 누름은 닫고 누른 단추로 초점을 돌려준다. 스크립트가 없으면
 * 서버(Web::ask_first)가 같은 질문을 한 화면으로 묻는다. */
(function () {
  "use strict";
  var pending = null;
  var returnFocus = null;

  function modal() { return document.getElementById("confirm-modal"); }

  /* KRDS 모달은 나타나는 동안(fade) 초점을 받지 못할 수 있어, 받을 때까지 잠시 다시 시도한다. */
  function focusWhenShown(el, tries) {
    window.setTimeout(function () {
      if (!pending || !el) return;
      el.focus();
      if (document.activeElement !== el && tries > 0) focusWhenShown(el, tries - 1);
    }, 50);
  }

  function open(form, submitter) {
    var m = modal();
    pending = form;
    returnFocus = submitter || document.activeElement;
    m.querySelector("#confirm-modal-title").textContent = form.getAttribute("data-confirm-title") || "확인";
    m.querySelector("#confirm-modal-message").textContent = form.getAttribute("data-confirm-message");
    m.querySelector("[data-confirm-accept]").textContent = form.getAttribute("data-confirm-button") || "확인";
    m.classList.add("shown");
    var back = m.querySelector(".modal-back");
    if (back) back.classList.add("in");
    document.body.classList.add("scroll-no");
    var wrap = document.getElementById("wrap");
    if (wrap) wrap.setAttribute("inert", "");
    window.setTimeout(function () { m.classList.add("in"); }, 20);
    focusWhenShown(m.querySelector("[data-confirm-cancel]"), 20);
  }

  function close() {
    var m = modal();
    if (!m || !pending) return;
    pending = null;
    m.classList.remove("in");
    var back = m.querySelector(".modal-back");
    if (back) back.classList.remove("in");
    document.body.classList.remove("scroll-no");
    var wrap = document.getElementById("wrap");
    if (wrap) wrap.removeAttribute("inert");
    window.setTimeout(function () { if (!pending) m.classList.remove("shown"); }, 350);
    if (returnFocus && typeof returnFocus.focus === "function" && document.documentElement.contains(returnFocus)) {
      returnFocus.focus();
    }
    returnFocus = null;
  }

  function accept() {
    var form = pending;
    if (!form) return;
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = "confirmed";
    input.value = "1";
    form.appendChild(input);
    close();
    form.submit(); /* submit() 은 submit 사건을 다시 일으키지 않는다 */
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || !form.hasAttribute || !form.hasAttribute("data-confirm-message") || !modal()) return;
    if (form.querySelector("input[name=confirmed]")) return;
    event.preventDefault();
    open(form, event.submitter);
  }, true);

  document.addEventListener("click", function (event) {
    if (!pending || !event.target.closest) return;
    if (event.target.closest("[data-confirm-accept]")) accept();
    else if (event.target.closest("[data-confirm-cancel]") || event.target.classList.contains("modal-back")) close();
  });

  document.addEventListener("keydown", function (event) {
    if (!pending) return;
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Tab") {
      /* 대화상자 안에서만 초점이 돈다: 취소 ↔ 확인 */
      var m = modal();
      var cancel = m.querySelector("[data-confirm-cancel]");
      var ok = m.querySelector("[data-confirm-accept]");
      if (event.shiftKey && document.activeElement === cancel) { event.preventDefault(); ok.focus(); }
      else if (!event.shiftKey && document.activeElement === ok) { event.preventDefault(); cancel.focus(); }
    }
  });
})();

/* 그래프: .sotong-chart[data-chart-table] 는 같은 쪽에 있는 표를 읽어 ECharts 로 막대그래프를 그린다. 표가 원본이고
 * (화면 낭독기는 표를 읽는다) 그림은 덧붙인 것이라, ECharts(/static/echarts/echarts.min.js)를 읽은 쪽에서만 그리고
 * 스크립트가 없으면 hidden 그대로 표만 보인다. 속성:
 *   data-chart-table="표 id"   data-chart-columns="1 3"(그릴 열, 0 은 행 제목)   data-chart-horizontal(가로 막대)
 *   data-chart-max="100"(값 축 최댓값)   data-chart-unit="%"
 * 값은 각 칸의 data-value(빈 값은 막대 없음), 항목 이름은 tbody 각 행의 첫 칸, 계열 이름은 thead 의 열 제목이다. */
(function () {
  "use strict";
  var charts = [];

  /* KRDS 색(고대비 모드면 그 값): 주 색, 보조 색, 성공 색. 흰 바탕과 3:1 이상이다. */
  function palette() {
    var style = window.getComputedStyle(document.documentElement);
    return [
      ["--krds-light-color-element-primary", "#256ef4"],
      ["--krds-light-color-element-secondary", "#063a74"],
      ["--krds-light-color-icon-success", "#228738"]
    ].map(function (pair) { return style.getPropertyValue(pair[0]).trim() || pair[1]; });
  }

  function cellText(cell) { return cell ? cell.textContent.replace(/\s+/g, " ").trim() : ""; }

  function draw(el) {
    var table = document.getElementById(el.getAttribute("data-chart-table"));
    if (!table || !table.tHead || !table.tBodies.length) return;
    var columns = (el.getAttribute("data-chart-columns") || "1").split(/\s+/).map(Number);
    var head = table.tHead.rows[0];
    var categories = [];
    var series = columns.map(function (c) {
      return { name: cellText(head.cells[c]), type: "bar", data: [], barMaxWidth: 32 };
    });
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      if (row.cells.length <= Math.max.apply(null, columns)) return; /* "없습니다" 한 칸짜리 행 */
      categories.push(cellText(row.cells[0]));
      columns.forEach(function (c, i) {
        var value = row.cells[c].getAttribute("data-value");
        series[i].data.push(value === null || value === "" ? null : Number(value));
      });
    });
    if (!categories.length) return;
    var horizontal = el.hasAttribute("data-chart-horizontal");
    var unit = el.getAttribute("data-chart-unit") || "";
    var max = el.getAttribute("data-chart-max");
    el.hidden = false;
    /* 가로 막대는 항목 수만큼 키운다(CSSOM 으로 정하므로 CSP 의 인라인 style 금지와 무관하다). */
    if (horizontal) el.style.height = Math.max(240, categories.length * 34 + 60) + "px";
    var valueAxis = { type: "value", axisLabel: { formatter: "{value}" + unit } };
    if (max) valueAxis.max = Number(max);
    var categoryAxis = { type: "category", data: categories, inverse: horizontal, axisLabel: { interval: 0 } };
    var chart = window.echarts.init(el, null, { renderer: "svg" });
    chart.setOption({
      animation: false,
      color: palette(),
      textStyle: { fontFamily: "Pretendard GOV, system-ui, sans-serif", fontSize: 13 },
      legend: { show: series.length > 1, top: 0 },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: function (v) { return v === null || v === undefined ? "없음" : v + unit; } },
      grid: { left: 8, right: 24, top: series.length > 1 ? 40 : 16, bottom: 8, containLabel: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series: series
    });
    charts.push(chart);
  }

  var started = false;
  function start() {
    if (started || !window.echarts) return;
    started = true;
    Array.prototype.forEach.call(document.querySelectorAll(".sotong-chart[data-chart-table]"), draw);
  }

  var resizeTimer = null;
  window.addEventListener("resize", function () {
    window.clearTimeout(resizeTimer);
    resizeTimer = window.setTimeout(function () { charts.forEach(function (c) { c.resize(); }); }, 200);
  });
  /* defer 로 읽는 ECharts 는 본문 끝에 있어 이 파일보다 늦게 실행된다. 이 파일이 실행될 때 readyState 는 이미
   * "interactive" 이므로 그것으로는 알 수 없다: 모든 defer 스크립트가 끝난 뒤 오는 DOMContentLoaded(늦어도 load)를 기다린다. */
  document.addEventListener("DOMContentLoaded", start);
  window.addEventListener("load", start);
  if (document.readyState === "complete") start();
})();
