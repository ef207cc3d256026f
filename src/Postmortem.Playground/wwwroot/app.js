// The playground page: a small Discord client for the emulator. It reads the world and the open channel as the
// person you are, redraws on every server-sent "change" event, and acts through /api/*.
"use strict";

(() => {
  const el = Components.el;
  const $ = (id) => document.getElementById(id);
  const state = {
    me: localStorage.getItem("playground.me") || null,
    world: null,
    channelId: null,
    messages: [],
    replyTo: null,
    command: null,
    files: [],
    panel: null,
    seen: {},
    dismissed: new Set(),
  };

  // ---- talking to the server ----

  async function api(path, body) {
    const response = await fetch(path, body === undefined ? {} : {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.error || response.statusText);
    return data;
  }

  function toast(text) {
    const t = $("toast");
    t.textContent = text;
    t.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { t.hidden = true; }, 6000);
  }

  // An interaction: the bot either answered (the result shows up through the live updates) or opened a modal.
  async function interact(path, body, control) {
    if (control) control.disabled = true;
    try {
      const answer = await api(path, { as: state.me, ...body });
      if (answer.error) toast(answer.error);
      if (answer.modal) openModal(answer.interaction, answer.modal);
      return answer;
    } catch (error) {
      toast(error.message);
      return null;
    } finally {
      if (control) control.disabled = false;
    }
  }

  const act = {
    button: (message, customId, control) => interact("/api/button", { message: message.id, customId }, control),
    select: (message, customId, values, control) => interact("/api/select", { message: message.id, customId, values }, control),
  };

  // ---- names ----

  const person = (id) => state.world && state.world.people.find((p) => p.id === id);
  const allChannels = () => {
    if (!state.world) return [];
    const list = [];
    for (const c of state.world.channels) { list.push(c); list.push(...c.threads.map((t) => ({ ...t, parent: c }))); }
    for (const d of state.world.dms) list.push(d);
    return list;
  };
  const channel = (id) => allChannels().find((c) => c.id === id);
  const names = {
    user: (id) => (person(id) || {}).name || (state.world && id === state.world.bot.id ? state.world.bot.name : "unknown-user"),
    channel: (id) => {
      const c = channel(id);
      if (!c) return "#unknown-channel";
      return c.parent ? "🧵 " + c.name : c.kind === "forum" ? "💬 " + c.name : "#" + c.name;
    },
    role: () => "role",
  };
  const md = (text) => Markdown.render(text, names);
  const ctx = () => ({ md, act, people: state.world ? state.world.people : [], channels: state.world ? state.world.channels : [] });

  const palette = ["#5865f2", "#eb459e", "#3ba55d", "#faa61a", "#ed4245", "#9b59b6"];
  function avatar(user) {
    const isBot = state.world && user.id === state.world.bot.id;
    const node = el("div", "avatar", isBot ? "PB" : (displayName(user)[0] || "?").toUpperCase());
    node.style.background = isBot ? "#5865f2" : palette[Number(BigInt(user.id) % 5n) + 1];
    return node;
  }
  const displayName = (user) => (person(user.id) || {}).name || user.global_name || user.username;

  const now = () => (state.world ? new Date(state.world.now).getTime() : Date.now());
  window.Playground = { now };

  function when(iso) {
    const date = new Date(iso);
    const today = new Date(now());
    const time = date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
    const sameDay = (a, b) => a.toISOString().slice(0, 10) === b.toISOString().slice(0, 10);
    if (sameDay(date, today)) return "Today at " + time;
    const yesterday = new Date(today.getTime() - 86400000);
    if (sameDay(date, yesterday)) return "Yesterday at " + time;
    return date.toLocaleDateString("en-GB", { timeZone: "UTC" }) + " " + time;
  }

  // ---- loading ----

  let loading = null;
  let again = false;
  async function refresh() {
    if (loading) { again = true; return loading; }
    loading = (async () => {
      try {
        state.world = await api("/api/world?as=" + encodeURIComponent(state.me));
        if (!state.channelId || !channel(state.channelId)) state.channelId = state.world.channels[0].id;
        const current = channel(state.channelId);
        state.messages = current.kind === "forum" ? [] : await api("/api/channels/" + state.channelId + "/messages?as=" + state.me);
        render();
      } catch (error) {
        toast(error.message);
      } finally {
        loading = null;
        if (again) { again = false; refresh(); }
      }
    })();
    return loading;
  }

  async function start() {
    // Who am I? The first sample person unless the browser remembers someone.
    const probe = await fetch("/api/world?as=" + encodeURIComponent(state.me || "0"));
    if (!probe.ok) {
      const people = await discoverPeople();
      state.me = people[0];
    }
    localStorage.setItem("playground.me", state.me);
    await refresh();
    const events = new EventSource("/api/events");
    events.addEventListener("change", () => refresh());
  }

  // The sample people, for a browser that does not remember who it was.
  async function discoverPeople() {
    const response = await fetch("/api/people");
    const people = await response.json();
    return people.map((p) => p.id);
  }

  // ---- rendering ----

  function render() {
    const w = state.world;
    $("guild-name").textContent = w.guild.name;
    $("guild-icon").title = w.guild.name;
    $("guild-icon").textContent = w.guild.name.split(/\s+/).map((s) => s[0]).join("").slice(0, 2);
    renderMe();
    renderChannels();
    renderHeader();
    renderContent();
    renderComposer();
    if (state.panel) renderPanel();
  }

  function renderMe() {
    const me = person(state.me);
    $("me-name").textContent = me.name + (me.admin ? " (admin)" : "");
    const slot = $("me-avatar");
    slot.replaceWith(Object.assign(avatar({ id: me.id, username: me.username }), { id: "me-avatar" }));
    const who = $("whoami");
    if (who.options.length !== state.world.people.length) {
      who.replaceChildren(...state.world.people.map((p) => Object.assign(el("option", null, p.name + (p.admin ? " (admin)" : "")), { value: p.id })));
    }
    who.value = state.me;
  }

  function channelRow(c, icon, extraClass) {
    const row = el("div", "channel" + (extraClass ? " " + extraClass : "") + (c.id === state.channelId ? " selected" : ""));
    row.dataset.channel = c.name;
    row.dataset.channelId = c.id;
    row.append(el("span", "hash", icon), el("span", "name", c.name));
    const count = c.count;
    if (count !== undefined && c.id !== state.channelId && state.seen[c.id] !== undefined && count > state.seen[c.id]) {
      row.append(el("span", "badge", String(count - state.seen[c.id])));
    }
    if (c.id === state.channelId && count !== undefined) state.seen[c.id] = count;
    if (state.seen[c.id] === undefined && count !== undefined) state.seen[c.id] = count;
    row.addEventListener("click", () => openChannel(c.id));
    return row;
  }

  function renderChannels() {
    const list = $("channels");
    const nodes = [el("div", "section-title", "Text channels")];
    for (const c of state.world.channels) {
      nodes.push(channelRow(c, c.kind === "forum" ? "💬" : "#"));
      for (const t of c.threads) nodes.push(channelRow(t, c.kind === "forum" ? "🗨" : "🧵", "thread"));
    }
    nodes.push(el("div", "section-title", "Direct messages"));
    for (const d of state.world.dms) nodes.push(channelRow(d, "✉", "dm"));
    list.replaceChildren(...nodes);
  }

  function renderHeader() {
    const c = channel(state.channelId);
    const title = c.kind === "dm" ? "@" + c.name : c.parent ? "#" + c.parent.name + " › " + c.name : (c.kind === "forum" ? "💬 " : "# ") + c.name;
    $("channel-title").textContent = title;
    $("channel-topic").textContent = c.topic || (c.kind === "dm" ? "Reminders and digests arrive here" : "");
    const pins = state.messages.filter((m) => m.pinned).length;
    $("pin-count").textContent = String(pins);
    const v = state.world.violations.length;
    const vb = $("violations-button");
    vb.className = "pill " + (v ? "bad" : "ok");
    vb.textContent = v ? "⚠ " + v + " rule violation" + (v === 1 ? "" : "s") : "✓ 0 rule violations";
    const date = new Date(state.world.now);
    $("clock-now").textContent = "🕒 " + date.toLocaleString("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" }) + " UTC";
  }

  function renderContent() {
    const c = channel(state.channelId);
    const forum = $("forum");
    const messages = $("messages");
    if (c.kind === "forum") {
      messages.hidden = true;
      forum.hidden = false;
      const cards = [el("div", "forum-hint", "Postmortems open here as posts when an admin sets this forum with /postmortem config forum-channel.")];
      for (const t of [...c.threads].reverse()) {
        const card = el("div", "post-card");
        card.dataset.post = t.name;
        card.append(el("div", "title", t.name));
        const tags = el("div");
        for (const id of t.tags) tags.append(el("span", "tag", (c.tags.find((x) => x.id === id) || {}).name || "tag"));
        card.append(tags, el("div", "preview", t.preview || ""), el("div", "muted small", t.count + " messages"));
        card.addEventListener("click", () => openChannel(t.id));
        cards.push(card);
      }
      if (c.threads.length === 0) cards.push(el("div", "muted", "No posts yet."));
      forum.replaceChildren(...cards);
      return;
    }
    forum.hidden = true;
    messages.hidden = false;
    const box = $("content");
    const atBottom = Math.abs(box.scrollTop) < 80;
    const nodes = [];
    if (state.messages.length === 0) nodes.push(el("div", "system-line", c.kind === "dm" ? "This is the beginning of your direct messages with Postmortem Bot." : "No messages yet. Type / to see the bot's commands."));
    let previous = null;
    for (const m of state.messages) {
      if (state.dismissed.has(m.id)) continue;
      nodes.push(...messageNodes(m, false, previous));
      previous = m;
    }
    const before = messages.childElementCount;
    messages.replaceChildren(...nodes);
    if (atBottom || before === 0 || state.scrollDown) { box.scrollTop = 0; state.scrollDown = false; }
  }

  function systemLine(m) {
    const line = el("div", "system-line");
    line.dataset.messageId = m.id;
    const who = el("b", null, displayName(m.author));
    if (m.type === 6) {
      const see = el("a", null, "See all pinned messages.");
      see.addEventListener("click", () => { state.panel = "pins"; renderPanel(); });
      line.append("📌 ", who, " pinned a message to this channel. ", see);
    } else if (m.type === 18) {
      line.append("🧵 ", who, " started a thread: ", el("b", null, m.content || ""));
    } else {
      line.append(who, " " + (m.content || ""));
    }
    return line;
  }

  // Discord shows a run of messages by one author within a few minutes under one name.
  function continues(m, previous) {
    return previous && previous.author.id === m.author.id && previous.type !== 6 && previous.type !== 18
      && !m.referenced_message && !m.interaction_metadata && !previous.ephemeral && !m.ephemeral
      && new Date(m.timestamp) - new Date(previous.timestamp) < 7 * 60000;
  }

  function messageNodes(m, compact, previous) {
    if (m.type === 6 || m.type === 18) return compact ? [] : [systemLine(m)];
    const grouped = !compact && continues(m, previous);
    const nodes = [];
    if (m.referenced_message && !compact) {
      const ref = el("div", "reference");
      ref.append(el("span", null, "↱"), el("span", "author", "@" + displayName(m.referenced_message.author)), el("span", null, (m.referenced_message.content || "").slice(0, 100)));
      nodes.push(ref);
    }
    const node = el("div", "message" + (grouped ? " grouped" : "") + (m.ephemeral ? " ephemeral" : "") + ((m.mentions || []).some((u) => u.id === state.me) ? " mentions-me" : ""));
    node.dataset.messageId = m.id;
    if (grouped) node.append(el("div", "gutter-time", when(m.timestamp).replace(/^.* at /, "")));
    else node.append(avatar(m.author));
    const body = el("div", "body");
    if (m.interaction_metadata && m.invoked_by) body.append(el("div", "used-command", "↱ " + m.invoked_by + " used a command"));
    if (!grouped) {
      const head = el("div", "head");
      head.append(el("span", "author", displayName(m.author)));
      if (m.author.bot) head.append(el("span", "app-tag", "APP"));
      head.append(el("span", "time", when(m.timestamp)));
      if (m.pinned) head.append(el("span", "pinned-note", "📌 pinned"));
      body.append(head);
    } else if (m.pinned) body.append(el("span", "pinned-note", "📌 pinned"));
    body.append(...Components.body(m, ctx()));
    if (m.edited_timestamp) body.append(el("span", "edited", "(edited)"));
    if (m.ephemeral) {
      const note = el("div", "ephemeral-note", "👁 Only you can see this • ");
      const dismiss = el("a", null, "Dismiss message");
      dismiss.addEventListener("click", () => { state.dismissed.add(m.id); renderContent(); });
      note.append(dismiss);
      body.append(note);
    }
    node.append(body);
    if (!compact) {
      const actions = el("div", "actions");
      const reply = el("button", null, "↩ Reply");
      reply.title = "Reply";
      reply.addEventListener("click", () => startReply(m));
      const more = el("button", null, "⋯");
      more.title = "More (Apps)";
      more.setAttribute("aria-label", "More");
      more.addEventListener("click", (e) => openMenu(m, e.clientX, e.clientY));
      actions.append(reply, more);
      node.append(actions);
      node.addEventListener("contextmenu", (e) => { e.preventDefault(); openMenu(m, e.clientX, e.clientY); });
    }
    nodes.push(node);
    return nodes;
  }

  // ---- channels, replies, menus ----

  function openChannel(id) {
    state.channelId = id;
    state.replyTo = null;
    state.scrollDown = true;
    closeCommand();
    refresh();
  }

  function startReply(m) {
    state.replyTo = m;
    renderComposer();
    $("composer-input").focus();
  }

  function openMenu(m, x, y) {
    const root = $("menu-root");
    const menu = el("div", "menu");
    menu.setAttribute("role", "menu");
    const reply = el("button", null, "Reply");
    reply.addEventListener("click", () => { closeMenu(); startReply(m); });
    menu.append(reply);
    const apps = state.world.commands.filter((c) => c.type === 3);
    if (apps.length) {
      menu.append(el("div", "menu-title", "Apps"));
      for (const command of apps) {
        const b = el("button", null, command.name);
        b.setAttribute("role", "menuitem");
        b.addEventListener("click", () => { closeMenu(); interact("/api/message-command", { message: m.id, command: command.name }); });
        menu.append(b);
      }
    }
    menu.style.left = Math.min(x, window.innerWidth - 220) + "px";
    menu.style.top = Math.min(y, window.innerHeight - 200) + "px";
    root.replaceChildren(menu);
    setTimeout(() => document.addEventListener("click", closeMenu, { once: true }), 0);
  }

  function closeMenu() { $("menu-root").replaceChildren(); }

  // ---- the composer: messages, files and slash commands ----

  function renderComposer() {
    const c = channel(state.channelId);
    const composer = $("composer");
    composer.hidden = c.kind === "forum";
    $("reply-bar").hidden = !state.replyTo;
    if (state.replyTo) $("reply-name").textContent = displayName(state.replyTo.author);
    $("composer-input").placeholder = state.command ? "" : "Message " + (c.kind === "dm" ? "@" : c.parent ? "" : "#") + c.name;
    $("file-chips").replaceChildren(...state.files.map((f, i) => {
      const chip = el("span", "chip", "📎 " + f.name + " ");
      const x = el("button", null, "✕");
      x.addEventListener("click", () => { state.files.splice(i, 1); renderComposer(); });
      chip.append(x);
      return chip;
    }));
  }

  // Every slash command as it is typed: "/postmortem start", "/postmortem why add", ...
  function commandEntries() {
    const entries = [];
    for (const command of state.world.commands.filter((c) => c.type === 1 || c.type === undefined)) {
      const subs = (command.options || []).filter((o) => o.type === 1 || o.type === 2);
      if (subs.length === 0) entries.push({ command: command.name, sub: null, description: command.description, options: command.options || [] });
      for (const o of subs) {
        if (o.type === 1) entries.push({ command: command.name, sub: o.name, description: o.description, options: o.options || [] });
        else for (const s of o.options || []) entries.push({ command: command.name, sub: o.name + " " + s.name, description: s.description, options: s.options || [] });
      }
    }
    return entries;
  }

  function showCommandPopup(typed) {
    const popup = $("command-popup");
    const query = typed.slice(1).toLowerCase();
    const entries = commandEntries().filter((e) => (e.command + " " + (e.sub || "")).toLowerCase().includes(query)).slice(0, 40);
    if (entries.length === 0) { popup.hidden = true; return; }
    popup.replaceChildren(el("div", "section-title", "Postmortem Bot commands"), ...entries.map((e, i) => {
      const item = el("div", "command-item" + (i === 0 ? " active" : ""));
      item.setAttribute("role", "option");
      item.dataset.command = "/" + e.command + (e.sub ? " " + e.sub : "");
      item.append(el("span", "cmd", "/" + e.command + (e.sub ? " " + e.sub : "")), el("span", "desc", e.description || ""));
      item.addEventListener("click", () => chooseCommand(e));
      return item;
    }));
    popup.hidden = false;
  }

  function chooseCommand(entry) {
    state.command = { ...entry, values: {}, labels: {} };
    $("command-popup").hidden = true;
    const input = $("composer-input");
    input.value = "";
    input.hidden = true;
    $("send-command").hidden = false;
    renderCommandForm();
    const first = $("command-form").querySelector("input, select");
    if (first) first.focus();
  }

  function closeCommand() {
    state.command = null;
    $("command-form").hidden = true;
    $("command-form").replaceChildren();
    $("command-popup").hidden = true;
    $("send-command").hidden = true;
    $("composer-input").hidden = false;
  }

  function optionControl(o) {
    const values = state.command.values;
    const wrap = el("label", "option");
    wrap.dataset.option = o.name;
    const caption = el("span", null, o.name);
    if (o.required) caption.append(el("span", "req", " *"));
    caption.title = o.description || "";
    wrap.append(caption);
    let control;
    if (o.choices && o.choices.length) {
      control = el("select");
      control.append(Object.assign(el("option", null, "—"), { value: "" }), ...o.choices.map((c) => Object.assign(el("option", null, c.name), { value: String(c.value) })));
    } else if (o.type === 5) {
      control = el("select");
      control.append(Object.assign(el("option", null, "—"), { value: "" }), Object.assign(el("option", null, "True"), { value: "true" }), Object.assign(el("option", null, "False"), { value: "false" }));
    } else if (o.type === 6 || o.type === 9) {
      control = el("select");
      control.append(Object.assign(el("option", null, "—"), { value: "" }), ...state.world.people.map((p) => Object.assign(el("option", null, "@" + p.name), { value: p.id })));
    } else if (o.type === 7) {
      control = el("select");
      const kinds = o.channel_types;
      const fits = state.world.channels.filter((c) => !kinds || kinds.includes(c.kind === "forum" ? 15 : 0));
      control.append(Object.assign(el("option", null, "—"), { value: "" }), ...fits.map((c) => Object.assign(el("option", null, "#" + c.name), { value: c.id })));
    } else if (o.type === 11) {
      control = el("input");
      control.type = "file";
      control.addEventListener("change", async () => {
        const file = control.files[0];
        values[o.name] = file ? { name: file.name, contentType: file.type, base64: await toBase64(file) } : undefined;
      });
    } else {
      control = el("input");
      control.type = (o.type === 4 || o.type === 10) && !o.autocomplete ? "number" : "text";
      control.placeholder = o.description || "";
      if (o.max_length) control.maxLength = o.max_length;
      if (o.autocomplete) {
        const list = el("div", "suggestions");
        list.hidden = true;
        wrap.append(list);
        let timer = null;
        const entry = state.command;
        const suggest = () => {
          clearTimeout(timer);
          timer = setTimeout(async () => {
            // The command may have been sent or cancelled while the user typed.
            if (state.command !== entry) return;
            const others = { ...values };
            delete others[o.name];
            try {
              const answer = await api("/api/autocomplete", {
                as: state.me, channel: state.channelId, command: entry.command, subcommand: entry.sub,
                focused: o.name, typed: control.value, options: others,
              });
              list.replaceChildren(...answer.choices.map((c) => {
                const item = el("div", null, c.name);
                item.addEventListener("mousedown", (e) => {
                  e.preventDefault();
                  control.value = c.name;
                  values[o.name] = c.value;
                  list.hidden = true;
                });
                return item;
              }));
              list.hidden = answer.choices.length === 0;
            } catch (error) { toast(error.message); }
          }, 150);
        };
        control.addEventListener("focus", suggest);
        control.addEventListener("input", () => { values[o.name] = control.value; suggest(); });
        control.addEventListener("blur", () => setTimeout(() => { list.hidden = true; }, 150));
      }
    }
    if (o.type !== 11 && !o.autocomplete) control.addEventListener("input", () => { values[o.name] = control.value; });
    if (o.type !== 11 && !o.autocomplete) control.addEventListener("change", () => { values[o.name] = control.value; });
    control.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); sendCommand(); } if (e.key === "Escape") closeCommand(); });
    control.setAttribute("aria-label", o.name);
    wrap.append(control);
    return wrap;
  }

  function renderCommandForm() {
    const form = $("command-form");
    const entry = state.command;
    const head = el("div", "cmd-name");
    head.append(el("span", null, "/" + entry.command + (entry.sub ? " " + entry.sub : "")));
    const cancel = el("button", null, "✕ cancel");
    cancel.addEventListener("click", closeCommand);
    head.append(cancel);
    const options = [...entry.options].sort((a, b) => (b.required ? 1 : 0) - (a.required ? 1 : 0));
    form.replaceChildren(head, ...options.map(optionControl));
    form.hidden = false;
  }

  async function sendCommand() {
    const entry = state.command;
    const missing = entry.options.filter((o) => o.required && (entry.values[o.name] === undefined || entry.values[o.name] === ""));
    if (missing.length) { toast("Fill in: " + missing.map((o) => o.name).join(", ")); return; }
    const body = { channel: state.channelId, command: entry.command, subcommand: entry.sub, options: entry.values };
    closeCommand();
    state.scrollDown = true;
    await interact("/api/slash", body, $("send-command"));
  }

  async function sendMessage() {
    const input = $("composer-input");
    const content = input.value;
    if (!content.trim() && state.files.length === 0) return;
    const files = state.files;
    const replyTo = state.replyTo;
    input.value = "";
    state.files = [];
    state.replyTo = null;
    state.scrollDown = true;
    renderComposer();
    try {
      await api("/api/messages", { as: state.me, channel: state.channelId, content, replyTo: replyTo && replyTo.id, files });
    } catch (error) {
      toast(error.message);
      input.value = content;
    }
  }

  function toBase64(file) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).split(",")[1] || "");
      reader.onerror = reject;
      reader.readAsDataURL(file);
    });
  }

  // ---- modals ----

  function openModal(interactionId, modal) {
    const backdrop = el("div", "modal-backdrop");
    const box = el("div", "modal");
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-label", modal.title);
    box.append(el("h2", null, modal.title));
    const form = el("form");
    const fields = [];
    const add = (component, label, description) => {
      const field = el("div", "field");
      if (label) {
        const caption = el("div", "label", label);
        if (component.required !== false && component.type === 4) caption.append(el("span", "req", " *"));
        field.append(caption);
      }
      if (description) field.append(el("div", "description", description));
      if (component.type === 4) {
        const input = component.style === 2 ? el("textarea") : el("input");
        input.name = component.custom_id;
        input.value = component.value || "";
        input.placeholder = component.placeholder || "";
        if (component.required !== false) input.required = true;
        if (component.min_length) input.minLength = component.min_length;
        if (component.max_length) input.maxLength = component.max_length;
        input.setAttribute("aria-label", label || component.label || component.custom_id);
        field.append(input);
        fields.push({ kind: "text", id: component.custom_id, node: input });
      } else if ([3, 5, 6, 7, 8].includes(component.type)) {
        const select = el("select");
        select.name = component.custom_id;
        const max = component.max_values ?? 1;
        if (max > 1) select.multiple = true;
        if (max <= 1) select.append(Object.assign(el("option", null, component.placeholder || "Make a selection"), { value: "" }));
        const options = component.type === 3 ? component.options || []
          : component.type === 7 ? state.world.channels.map((c) => ({ label: "#" + c.name, value: c.id }))
            : state.world.people.map((p) => ({ label: p.name, value: p.id }));
        for (const o of options) {
          const option = el("option", null, o.label + (o.description ? " — " + o.description : ""));
          option.value = o.value;
          if (o.default) option.selected = true;
          select.append(option);
        }
        if (component.required !== false) select.required = true;
        select.setAttribute("aria-label", label || component.custom_id);
        field.append(select);
        fields.push({ kind: "select", id: component.custom_id, node: select });
      } else if (component.type === 10) {
        field.append(Object.assign(el("div", "content"), { innerHTML: md(component.content) }));
      } else {
        field.append(el("div", "muted small", "(this field type is not shown in the playground)"));
      }
      form.append(field);
    };
    for (const c of modal.components || []) {
      if (c.type === 18) add(c.component, c.label, c.description);
      else if (c.type === 1) for (const inner of c.components || []) add(inner, inner.label, null);
      else add(c, null, null);
    }
    const footer = el("footer");
    const cancel = el("button", "cancel", "Cancel");
    cancel.type = "button";
    const submit = el("button", "submit", "Submit");
    submit.type = "submit";
    footer.append(cancel, submit);
    const close = () => { backdrop.remove(); fetch("/api/modal/" + interactionId + "/close", { method: "POST" }); };
    cancel.addEventListener("click", close);
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const values = {};
      const selections = {};
      for (const f of fields) {
        if (f.kind === "text") values[f.id] = f.node.value;
        else selections[f.id] = [...f.node.selectedOptions].map((o) => o.value).filter((v) => v !== "");
      }
      backdrop.remove();
      state.scrollDown = true;
      await interact("/api/modal", { interaction: interactionId, values, selections });
    });
    box.append(form);
    form.append(footer);
    backdrop.append(box);
    backdrop.addEventListener("keydown", (e) => { if (e.key === "Escape") close(); });
    $("modal-root").replaceChildren(backdrop);
    const first = form.querySelector("input, textarea, select");
    if (first) first.focus();
  }

  // ---- side panel: pins and violations ----

  function renderPanel() {
    const body = $("panel-body");
    $("panel").hidden = false;
    if (state.panel === "pins") {
      $("panel-title").textContent = "📌 Pinned messages";
      const pins = state.messages.filter((m) => m.pinned);
      body.replaceChildren(...(pins.length ? pins.flatMap((m) => messageNodes(m, true)) : [el("div", "muted", "Nothing is pinned in this channel.")]));
    } else {
      $("panel-title").textContent = "Discord rules the bot broke";
      const list = state.world.violations;
      body.replaceChildren(...(list.length ? list.map((v) => {
        const item = el("div", "violation");
        item.append(el("div", "src", v.source), el("div", null, v.reason), el("div", "muted small", new Date(v.at).toUTCString()));
        return item;
      }) : [el("div", "muted", "None so far: every request the bot sent followed Discord's documented rules.")]));
    }
  }

  // ---- wiring ----

  $("whoami").addEventListener("change", (e) => {
    state.me = e.target.value;
    localStorage.setItem("playground.me", state.me);
    state.seen = {};
    state.dismissed.clear();
    if (channel(state.channelId) && channel(state.channelId).kind === "dm") state.channelId = null;
    closeCommand();
    refresh();
  });
  for (const id of ["clock-hour", "clock-day", "clock-week"]) {
    $(id).addEventListener("click", async (e) => {
      try {
        await api("/api/clock", { hours: Number(e.currentTarget.dataset.hours) });
      } catch (error) { toast(error.message); }
    });
  }
  $("pins-button").addEventListener("click", () => { state.panel = state.panel === "pins" ? null : "pins"; if (state.panel) renderPanel(); else $("panel").hidden = true; });
  $("violations-button").addEventListener("click", () => { state.panel = state.panel === "violations" ? null : "violations"; if (state.panel) renderPanel(); else $("panel").hidden = true; });
  $("panel-close").addEventListener("click", () => { state.panel = null; $("panel").hidden = true; });
  $("reply-cancel").addEventListener("click", () => { state.replyTo = null; renderComposer(); });
  $("send-command").addEventListener("click", sendCommand);
  $("file-input").addEventListener("change", async (e) => {
    for (const file of e.target.files) state.files.push({ name: file.name, contentType: file.type, base64: await toBase64(file) });
    e.target.value = "";
    renderComposer();
  });
  const input = $("composer-input");
  input.addEventListener("input", () => {
    input.style.height = "auto";
    input.style.height = input.scrollHeight + "px";
    if (input.value.startsWith("/") && !input.value.includes("\n")) showCommandPopup(input.value);
    else $("command-popup").hidden = true;
  });
  input.addEventListener("keydown", (e) => {
    const popup = $("command-popup");
    if (!popup.hidden && (e.key === "Enter" || e.key === "Tab")) {
      e.preventDefault();
      const active = popup.querySelector(".command-item.active");
      if (active) active.click();
      return;
    }
    if (!popup.hidden && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
      e.preventDefault();
      const items = [...popup.querySelectorAll(".command-item")];
      const at = items.findIndex((i) => i.classList.contains("active"));
      items[at].classList.remove("active");
      const next = items[(at + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length];
      next.classList.add("active");
      next.scrollIntoView({ block: "nearest" });
      return;
    }
    if (e.key === "Escape") { popup.hidden = true; state.replyTo = null; renderComposer(); }
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); sendMessage(); }
  });
  document.addEventListener("click", (e) => {
    const link = e.target.closest && e.target.closest("[data-goto]");
    if (link && channel(link.dataset.goto)) openChannel(link.dataset.goto);
  });

  start();
})();
