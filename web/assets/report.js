// report.js - the report page: its data (the sources: the file and each file it imports;
// the run's JSON and each analysis's JSON, embedded by `omen report`) drawn into the
// sections of report.html.
"use strict";

(() => {
  const {el} = omen;
  const data = JSON.parse(document.getElementById("omen-data").textContent);
  const highlight = omen.highlighter(omen.grammar());
  const run = data.run;

  document.getElementById("title").textContent = data.file;

  const recipe = document.getElementById("recipe");
  const facts = [["omen version", data.omen_version], ["made by", data.command]];
  if (run) facts.push(["seed", run.seed], ["trials", run.trials], ["engine", run.engine]);
  recipe.append(el("table", {class: "fields", id: "facts"}, el("tbody", {}, facts.map(([k, v]) =>
    el("tr", {}, el("th", {}, k), el("td", {"data-fact": k}, typeof v === "string" && k === "made by" ? el("code", {}, v) : String(v)))))));
  const commands = [data.run_command, ...(data.analyses || []).map((a) => a.command)].filter(Boolean);
  if (commands.length)
    recipe.append(el("p", {}, "The same numbers on the command line (same file, seed and trials):"),
      el("pre", {class: "commands"}, commands.join("\n")));
  if (data.interrupted) recipe.append(el("p", {class: "partial"}, "partial: the report was interrupted; what finished is shown"));

  const results = document.getElementById("results");
  if (run) results.append(omen.sections.run(run));
  if (data.run_error) results.append(el("pre", {class: "error"}, data.run_error));

  const analyses = document.getElementById("analyses");
  for (const a of data.analyses || []) {
    analyses.append(el("section", {class: "analysis", "data-analysis": a.name},
      el("h2", {}, a.name, " ", el("small", {}, a.result && a.result.scenario ? "of " + a.result.scenario : "")),
      el("pre", {class: "command"}, a.command || ""),
      omen.sections.analysis(a.name, a.result, a.messages)));
  }

  // One highlighted listing per file the program read: the main file, then its imports.
  const source = document.getElementById("source");
  (data.sources || []).forEach((file, index) => {
    const code = el("code", {class: "omen"});
    omen.highlightInto(code, file.text, highlight);
    if (index > 0) source.append(el("h3", {}, "imported: ", el("code", {}, file.name)));
    source.append(el("div", {class: "listing", "data-file": file.name, "data-index": String(index)},
      el("pre", {class: "gutter", "aria-hidden": "true"}, file.text.split("\n").map((_, i) => i + 1).join("\n")),
      el("pre", {class: "code"}, code)));
  });
})();
