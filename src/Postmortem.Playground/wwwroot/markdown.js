// Discord-flavoured Markdown, rendered safely: every piece of text is HTML-escaped first, and only the markup this
// file adds is HTML. Links are kept only for http(s) URLs. `names` resolves mentions: { user(id), channel(id), role(id) }.
"use strict";

const Markdown = (() => {
  const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

  // Placeholders keep code (and other finished HTML) away from the inline rules; \u0000 never survives escaping.
  function protect(store, html) {
    store.push(html);
    return "\u0000" + (store.length - 1) + "\u0000";
  }

  function restore(store, text) {
    return text.replace(/\u0000(\d+)\u0000/g, (_, i) => store[Number(i)]);
  }

  function timestamp(unix, style) {
    const date = new Date(Number(unix) * 1000);
    if (Number.isNaN(date.getTime())) return null;
    const options = {
      t: { timeStyle: "short" }, T: { timeStyle: "medium" }, d: { dateStyle: "short" }, D: { dateStyle: "long" },
      f: { dateStyle: "long", timeStyle: "short" }, F: { dateStyle: "full", timeStyle: "short" },
    }[style || "f"];
    if (style === "R") {
      const now = (window.Playground && window.Playground.now()) || Date.now();
      const days = Math.round((date.getTime() - now) / 86400000);
      const hours = Math.round((date.getTime() - now) / 3600000);
      const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
      return Math.abs(hours) < 24 ? rtf.format(hours, "hour") : rtf.format(days, "day");
    }
    return new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" }).format(date);
  }

  function inline(text, names, store) {
    // text is already escaped.
    text = text.replace(/`([^`\n]+)`/g, (_, code) => protect(store, "<code>" + code + "</code>"));
    text = text.replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g, (_, label, url) =>
      protect(store, '<a href="' + url + '" target="_blank" rel="noopener noreferrer">' + label + "</a>"));
    text = text.replace(/&lt;(https?:\/\/[^\s&]+)&gt;/g, (_, url) => protect(store, '<a href="' + url + '" target="_blank" rel="noopener noreferrer">' + url + "</a>"));
    text = text.replace(/(^|[\s(])(https?:\/\/[^\s<]+[^\s<.,:;"')\]])/g, (_, pre, url) =>
      pre + protect(store, '<a href="' + url + '" target="_blank" rel="noopener noreferrer">' + url + "</a>"));
    text = text.replace(/&lt;@!?(\d+)&gt;/g, (_, id) => protect(store, '<span class="mention">@' + escapeHtml(names.user(id)) + "</span>"));
    text = text.replace(/&lt;@&amp;(\d+)&gt;/g, (_, id) => protect(store, '<span class="mention">@' + escapeHtml(names.role(id)) + "</span>"));
    text = text.replace(/&lt;#(\d+)&gt;/g, (_, id) => protect(store, '<span class="mention channel-link" data-goto="' + id + '">' + escapeHtml(names.channel(id)) + "</span>"));
    text = text.replace(/&lt;t:(-?\d+)(?::([tTdDfFR]))?&gt;/g, (all, unix, style) => {
      const shown = timestamp(unix, style);
      return shown ? protect(store, '<span class="mention">' + escapeHtml(shown) + "</span>") : all;
    });
    text = text.replace(/&lt;a?:(\w+):\d+&gt;/g, ":$1:");
    text = text.replace(/@(everyone|here)\b/g, '<span class="mention">@$1</span>');
    text = text.replace(/\*\*\*(.+?)\*\*\*/g, "<b><i>$1</i></b>");
    text = text.replace(/\*\*(.+?)\*\*/g, "<b>$1</b>");
    text = text.replace(/__(.+?)__/g, "<u>$1</u>");
    text = text.replace(/(^|[^*\w])\*(?!\s)(.+?)\*(?!\w)/g, "$1<i>$2</i>");
    text = text.replace(/(^|[^_\w])_(?!\s)(.+?)_(?!\w)/g, "$1<i>$2</i>");
    text = text.replace(/~~(.+?)~~/g, "<s>$1</s>");
    text = text.replace(/\|\|(.+?)\|\|/g, '<span class="spoiler" onclick="this.classList.add(\'shown\')">$1</span>');
    return text;
  }

  function blocks(text, names, store) {
    const lines = text.split("\n");
    const out = [];
    let list = null;
    let quoteRest = false;
    const closeList = () => { if (list) { out.push("</" + list + ">"); list = null; } };
    for (const raw of lines) {
      let line = raw;
      let m;
      if (quoteRest) {
        out.push("<blockquote>" + (inline(line, names, store) || "&nbsp;") + "</blockquote>");
      } else if ((m = /^&gt;&gt;&gt; ?(.*)$/.exec(line))) {
        closeList();
        quoteRest = true;
        out.push("<blockquote>" + (inline(m[1], names, store) || "&nbsp;") + "</blockquote>");
      } else if ((m = /^(#{1,3}) (.+)$/.exec(line))) {
        closeList();
        out.push("<h" + m[1].length + ">" + inline(m[2], names, store) + "</h" + m[1].length + ">");
      } else if ((m = /^-# (.+)$/.exec(line))) {
        closeList();
        out.push('<div class="subtext">' + inline(m[1], names, store) + "</div>");
      } else if ((m = /^&gt; ?(.*)$/.exec(line))) {
        closeList();
        out.push("<blockquote>" + (inline(m[1], names, store) || "&nbsp;") + "</blockquote>");
      } else if ((m = /^\s*[-*] (.+)$/.exec(line))) {
        if (list !== "ul") { closeList(); out.push("<ul>"); list = "ul"; }
        out.push("<li>" + inline(m[1], names, store) + "</li>");
      } else if ((m = /^\s*(\d+)\. (.+)$/.exec(line))) {
        if (list !== "ol") { closeList(); out.push('<ol start="' + m[1] + '">'); list = "ol"; }
        out.push("<li>" + inline(m[2], names, store) + "</li>");
      } else {
        closeList();
        out.push(inline(line, names, store) + "\n");
      }
    }
    closeList();
    return out.join("").replace(/\n$/, "");
  }

  const defaultNames = { user: (id) => id, channel: (id) => "#" + id, role: () => "role" };

  function render(source, names) {
    names = names || defaultNames;
    const store = [];
    // Fenced code first, on the raw text: nothing inside is Markdown.
    let text = String(source ?? "").replace(/```(?:([\w+-]+)\n)?([\s\S]*?)```/g, (_, lang, code) =>
      protect(store, "<pre><code>" + escapeHtml(code.replace(/^\n/, "")) + "</code></pre>"));
    text = escapeHtml(text);
    // A protected block must not be escaped again: its placeholder survived escaping untouched.
    return restore(store, restore(store, blocks(text, names, store)));
  }

  return { render, escapeHtml };
})();
