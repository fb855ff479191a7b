// playground.js - the playground page: the editor checked as you type (POST /api/check),
// runs and analyses started (/api/start), polled (/api/job) and stopped (/api/stop), and
// the results drawn by the same code as the report; "save as report" asks the server for
// the report page of what is shown (/api/report) and downloads it.
"use strict";

(() => {
  const {el} = omen;
  const data = JSON.parse(document.getElementById("omen-data").textContent);
  const $ = (id) => document.getElementById(id);
  const post = async (path, body) => {
    const res = await fetch(path, {method: "POST", headers: {"Content-Type": "application/json", "X-Omen-Playground": "1"}, body: JSON.stringify(body)});
    const type = res.headers.get("Content-Type") || "";
    return type.startsWith("application/json") ? res.json() : res.text();
  };

  const files = data.files.length ? data.files : [{name: "untitled.omen", source: "scenario example {\n  param p = 10%\n  event hit\n  phase run for 10 {\n    with probability p { trigger hit; end }\n  }\n  report P(hit)\n}\n"}];
  $("limits").textContent = `limits per request: ${data.limits.trials.toLocaleString("en")} trials, ${data.limits.seconds} s`;
  for (const f of files) $("file").append(el("option", {value: f.name}, f.name));

  let checkTimer = null, checkSeq = 0;
  const diagnostics = $("diagnostics");
  const showDiagnostics = (list, name) => {
    const mine = list.filter((d) => d.file === name);
    editor.mark(mine);
    diagnostics.replaceChildren(...list.map((d) => el("div", {class: `diagnostic ${d.severity}`, "data-line": d.line, "data-column": d.column},
      `${d.file === name ? "line " + d.line + ":" + d.column : d.file + ":" + d.line + ":" + d.column}: ${d.severity}: ${d.message}`)));
  };
  const check = async () => {
    const seq = ++checkSeq;
    const answer = await post("/api/check", {name: $("file").value, source: editor.value});
    if (seq === checkSeq && answer && answer.diagnostics) showDiagnostics(answer.diagnostics, $("file").value);
  };
  const editor = omen.editor($("editor"), omen.highlighter(omen.grammar()), () => {
    clearTimeout(checkTimer);
    checkTimer = setTimeout(check, 250);
  });
  $("file").addEventListener("change", () => { editor.value = files.find((f) => f.name === $("file").value).source; });
  editor.value = files[0].source;

  // What is shown, for "save as report": the last run and every analysis since.
  const shown = {run: null, analyses: []};
  const output = $("output");
  const status = $("status");
  const buttons = ["run", "sweep", "sensitivity", "analyse"].map($);
  // Every other analysis of the registry, by name (its flags go in the flags field).
  for (const a of data.analyses.filter((x) => x.name !== "sweep" && x.name !== "sensitivity"))
    $("other").append(el("option", {value: a.name, title: a.summary}, a.name));

  const finish = (job, action, words) => {
    buttons.forEach((b) => (b.disabled = false));
    $("stop").disabled = true;
    const a = job.answer || {};
    const how = job.timed_out ? `stopped at the time limit (${job.limit} s)` : job.stopped ? "stopped" : "done";
    status.textContent = `${action}: ${how} in ${job.elapsed.toFixed(2)} s`;
    $("progress").value = 1;
    const box = el("section", {class: "analysis", "data-analysis": action},
      el("h2", {}, action, " ", el("small", {}, words.join(" "))));
    if (a.error && !a.result) box.append(el("pre", {class: "error", id: "run-error"}, a.error));
    else if (action === "run") {
      box.append(omen.sections.run(a.result));
      shown.run = a.result;
    } else {
      box.append(omen.sections.analysis(action, a.result, a.error));
      shown.analyses.push({name: action, command: `omen ${action} FILE ${words.join(" ")}`, status: a.status, result: a.result, messages: a.error});
    }
    output.prepend(box);
    $("save").disabled = !shown.run && !shown.analyses.length;
  };

  const poll = async (action, words) => {
    const job = await (await fetch("/api/job")).json();
    if (job.state === "running") {
      status.textContent = `${action}: running, ${job.elapsed.toFixed(1)} s of at most ${job.limit} s`;
      $("progress").value = Math.min(1, job.elapsed / job.limit);
      setTimeout(() => poll(action, words), 150);
      return;
    }
    finish(job, action, words);
  };

  const start = async (action) => {
    const words = ($("words").value.match(/"[^"]*"|'[^']*'|\S+/g) || []).map((w) => w.replace(/^["']|["']$/g, ""));
    const answer = await post("/api/start", {name: $("file").value, source: editor.value, action, words});
    if (answer.error) {
      if (answer.diagnostics) showDiagnostics(answer.diagnostics, $("file").value);
      status.textContent = "";
      output.prepend(el("section", {class: "analysis refused"}, el("pre", {class: "error", id: "run-error"}, answer.error)));
      return;
    }
    buttons.forEach((b) => (b.disabled = true));
    $("stop").disabled = false;
    $("progress").value = 0;
    poll(action, words);
  };
  $("run").addEventListener("click", () => start("run"));
  $("sweep").addEventListener("click", () => start("sweep"));
  $("sensitivity").addEventListener("click", () => start("sensitivity"));
  $("analyse").addEventListener("click", () => start($("other").value));
  $("stop").addEventListener("click", () => post("/api/stop", {}));
  $("save").addEventListener("click", async () => {
    const html = await post("/api/report", {name: $("file").value, source: editor.value, run: shown.run, analyses: shown.analyses});
    const link = el("a", {href: URL.createObjectURL(new Blob([html], {type: "text/html"})), download: "report.html"});
    document.body.append(link);
    link.click();
    link.remove();
  });
})();
