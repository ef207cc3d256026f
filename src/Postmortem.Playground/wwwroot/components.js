// Embeds, attachments and message components (legacy action rows and Components V2), built with DOM calls so
// nothing the bot sends becomes HTML except through Markdown.render (which escapes first).
// ctx: { md(text) -> html, act: { button(msg, id), select(msg, id, values) }, people, channels }
"use strict";

const Components = (() => {
  const IS_COMPONENTS_V2 = 1 << 15;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function mdNode(tag, className, text, ctx) {
    const node = el(tag, className);
    node.innerHTML = ctx.md(text || "");
    return node;
  }

  function color(value) {
    return value === undefined || value === null ? null : "#" + Number(value).toString(16).padStart(6, "0");
  }

  // attachment://name.png points at one of the message's own files.
  function mediaUrl(url, message) {
    if (!url) return "";
    if (url.startsWith("attachment://")) {
      const name = url.slice("attachment://".length);
      const file = (message.attachments || []).find((a) => a.filename === name);
      return file ? file.url : "";
    }
    return /^https?:\/\//.test(url) ? url : "";
  }

  function referencedAttachments(message) {
    const used = new Set();
    const visit = (value) => {
      if (typeof value === "string" && value.startsWith("attachment://")) used.add(value.slice(13));
      else if (value && typeof value === "object") Object.values(value).forEach(visit);
    };
    visit(message.embeds);
    visit(message.components);
    return used;
  }

  function image(src, className) {
    const img = el("img", className);
    img.src = src;
    img.alt = "";
    img.loading = "lazy";
    img.addEventListener("click", () => {
      const box = el("div", "lightbox");
      const big = el("img");
      big.src = src;
      box.append(big);
      box.addEventListener("click", () => box.remove());
      document.body.append(box);
    });
    return img;
  }

  function fileCard(name, url, size) {
    const card = el("div", "file");
    card.append(el("span", "icon", "📄"));
    const text = el("div");
    const link = el("a", null, name);
    link.href = url;
    link.download = name;
    text.append(link);
    if (size !== undefined) text.append(el("div", "size", size < 1024 ? size + " bytes" : (size / 1024).toFixed(1) + " KB"));
    card.append(text);
    return card;
  }

  function attachments(message) {
    const used = referencedAttachments(message);
    const nodes = [];
    for (const a of message.attachments || []) {
      if (used.has(a.filename)) continue;
      if ((a.content_type || "").startsWith("image/")) nodes.push(image(a.url, "attachment-image"));
      else nodes.push(fileCard(a.filename, a.url, a.size));
    }
    return nodes;
  }

  function embed(e, message, ctx) {
    const box = el("div", "embed");
    if (color(e.color)) box.style.borderLeftColor = color(e.color);
    if (e.thumbnail && mediaUrl(e.thumbnail.url, message)) box.append(image(mediaUrl(e.thumbnail.url, message), "e-thumb"));
    if (e.author && e.author.name) box.append(el("div", "e-author", e.author.name));
    if (e.title) {
      const title = el("div", "e-title");
      if (e.url && /^https?:\/\//.test(e.url)) {
        const a = el("a", null, e.title);
        a.href = e.url;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        title.append(a);
      } else title.textContent = e.title;
      box.append(title);
    }
    if (e.description) box.append(mdNode("div", "e-desc content", e.description, ctx));
    if (e.fields && e.fields.length) {
      const fields = el("div", "e-fields");
      for (const f of e.fields) {
        const field = el("div", "e-field" + (f.inline ? " inline" : ""));
        field.append(mdNode("div", "name content", f.name, ctx), mdNode("div", "value content", f.value, ctx));
        fields.append(field);
      }
      box.append(fields);
    }
    if (e.image && mediaUrl(e.image.url, message)) box.append(image(mediaUrl(e.image.url, message), "e-image"));
    const footer = [e.footer && e.footer.text, e.timestamp && new Date(e.timestamp).toUTCString()].filter(Boolean).join(" • ");
    if (footer) box.append(el("div", "e-footer", footer));
    return box;
  }

  function button(c, message, ctx) {
    const label = (c.emoji && c.emoji.name ? c.emoji.name + " " : "") + (c.label || "");
    if (c.style === 5) {
      const a = el("a", "btn s5", label + " ↗");
      if (/^https?:\/\//.test(c.url || "")) a.href = c.url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      return a;
    }
    const b = el("button", "btn s" + (c.style || 2), label.trim() || "…");
    b.disabled = !!c.disabled;
    b.dataset.customId = c.custom_id || "";
    b.addEventListener("click", () => ctx.act.button(message, c.custom_id, b));
    return b;
  }

  function selectOptions(c, ctx) {
    switch (c.type) {
      case 3: return (c.options || []).map((o) => ({ value: o.value, label: (o.emoji && o.emoji.name ? o.emoji.name + " " : "") + o.label, description: o.description, selected: !!o.default }));
      case 5: return ctx.people.map((p) => ({ value: p.id, label: p.name }));
      case 7: return ctx.channels.map((ch) => ({ value: ch.id, label: "#" + ch.name }));
      default: return ctx.people.map((p) => ({ value: p.id, label: p.name }));
    }
  }

  function select(c, message, ctx) {
    const options = selectOptions(c, ctx);
    const min = c.min_values ?? 1;
    const max = c.max_values ?? 1;
    if (max <= 1) {
      const s = el("select", "select");
      s.disabled = !!c.disabled;
      s.dataset.customId = c.custom_id || "";
      const placeholder = el("option", null, c.placeholder || "Make a selection");
      placeholder.value = "";
      s.append(placeholder);
      for (const o of options) {
        const opt = el("option", null, o.label + (o.description ? " — " + o.description : ""));
        opt.value = o.value;
        s.append(opt);
      }
      s.addEventListener("change", () => { if (s.value) ctx.act.select(message, c.custom_id, [s.value], s); });
      return s;
    }
    const box = el("div", "multi");
    box.dataset.customId = c.custom_id || "";
    box.append(el("div", "muted small", (c.placeholder || "Choose") + " (" + min + "–" + max + ")"));
    for (const o of options) {
      const label = el("label");
      const check = el("input");
      check.type = "checkbox";
      check.value = o.value;
      check.checked = o.selected;
      label.append(check, document.createTextNode(" " + o.label));
      box.append(label);
    }
    const apply = el("button", "btn s1", "Choose");
    apply.disabled = !!c.disabled;
    apply.addEventListener("click", () => {
      const values = [...box.querySelectorAll("input:checked")].map((i) => i.value);
      ctx.act.select(message, c.custom_id, values, apply);
    });
    box.append(apply);
    return box;
  }

  function component(c, message, ctx) {
    switch (c.type) {
      case 1: {
        const row = el("div", "row");
        for (const child of c.components || []) row.append(component(child, message, ctx));
        return row;
      }
      case 2: return button(c, message, ctx);
      case 3: case 5: case 6: case 7: case 8: return select(c, message, ctx);
      case 9: {
        const section = el("div", "cv2-section");
        const texts = el("div", "cv2-texts");
        for (const child of c.components || []) texts.append(component(child, message, ctx));
        section.append(texts);
        if (c.accessory) section.append(component(c.accessory, message, ctx));
        return section;
      }
      case 10: return mdNode("div", "content", c.content, ctx);
      case 11: return image(mediaUrl(c.media && c.media.url, message), "cv2-thumb");
      case 12: {
        const gallery = el("div", "gallery");
        for (const item of c.items || []) gallery.append(image(mediaUrl(item.media && item.media.url, message)));
        return gallery;
      }
      case 13: {
        const url = mediaUrl(c.file && c.file.url, message);
        const name = decodeURIComponent(url.split("/").pop() || "file");
        return fileCard(name, url);
      }
      case 14: return el("hr", "cv2-separator" + (c.divider === false ? " invisible" : "") + (c.spacing === 2 ? " large" : ""));
      case 17: {
        const box = el("div", "cv2-container");
        if (color(c.accent_color)) box.style.borderLeftColor = color(c.accent_color);
        for (const child of c.components || []) box.append(component(child, message, ctx));
        return box;
      }
      default: return el("div", "muted small", "(component type " + c.type + ")");
    }
  }

  function body(message, ctx) {
    const nodes = [];
    const v2 = (message.flags & IS_COMPONENTS_V2) !== 0;
    if (!v2 && message.content) nodes.push(mdNode("div", "content", message.content, ctx));
    if (!v2) for (const e of message.embeds || []) nodes.push(embed(e, message, ctx));
    for (const c of message.components || []) nodes.push(component(c, message, ctx));
    nodes.push(...attachments(message));
    return nodes;
  }

  return { body, el };
})();
