// The language switch in the menu bar of every page: a link to the same page in the other
// edition. The English book is built into book/build/, the Chinese one into book/build/zh-CN/
// (`just book`), so the two trees have the same pages at the same relative paths.
(function () {
    "use strict";
    const chinese = document.documentElement.lang === "zh-CN";
    // mdBook's page script defines `path_to_root` ("", "../", …): one "../" per folder level.
    const depth = (path_to_root.match(/\.\.\//g) || []).length;
    let segments = window.location.pathname.split("/");
    if (segments[segments.length - 1] === "") {
        segments[segments.length - 1] = "index.html";
    }
    const page = segments.slice(-(depth + 1)).join("/");
    const link = document.createElement("a");
    link.href = path_to_root + (chinese ? "../" : "zh-CN/") + page + window.location.hash;
    link.textContent = chinese ? "English" : "中文";
    link.lang = chinese ? "en" : "zh-CN";
    link.hreflang = link.lang;
    link.title = chinese ? "Read this page in English" : "阅读本页的中文版";
    link.id = "language-switch";
    link.className = "language-switch";
    const buttons = document.querySelector(".right-buttons");
    if (buttons) {
        buttons.prepend(link);
    }
})();
