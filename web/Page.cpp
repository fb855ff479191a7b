//===- Page.cpp - Filling a page template from web/assets/ ------------------===//
#include "web/Page.h"

#include <stdexcept>
#include <vector>

#include "web/Assets.h"

namespace omen::web {

namespace {

// The scripts each page runs, in order: shared helpers first, the page's own code last.
std::vector<std::string_view> scriptsOf(PageKind kind) {
  std::vector<std::string_view> shared = {"format.js", "highlight.js", "plot.js", "tables.js", "sections.js"};
  switch (kind) {
    case PageKind::Report: shared.push_back("report.js"); break;
    case PageKind::Playground:
      shared.push_back("editor.js");
      shared.push_back("playground.js");
      break;
  }
  return shared;
}

std::string_view templateOf(PageKind kind) {
  switch (kind) {
    case PageKind::Report: return asset("report.html");
    case PageKind::Playground: return asset("playground.html");
  }
  return {};
}

// JSON whose text cannot end the <script> element around it.
std::string scriptSafeJson(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<') out += "\\u003c";
    else out += c;
  }
  return out;
}

// A script's text cannot contain "</script": the assets are ours, so that is a build error.
std::string scriptElement(std::string_view name) {
  std::string_view code = asset(name);
  if (code.find("</script") != std::string_view::npos)
    throw std::logic_error("web asset " + std::string(name) + " contains </script");
  return "<script>\n" + std::string(code) + "\n</script>\n";
}

void replaceMarker(std::string& page, std::string_view marker, const std::string& with) {
  size_t at = page.find(marker);
  if (at == std::string::npos) throw std::logic_error("web page template lacks " + std::string(marker));
  page.replace(at, marker.size(), with);
}

}  // namespace

std::string escapeHtml(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string inlinePage(PageKind kind, const std::string& dataJson, const std::string& title) {
  std::string page(templateOf(kind));
  std::string scripts;
  for (std::string_view name : scriptsOf(kind)) scripts += scriptElement(name);
  // Markers are replaced in document order, each once, so the data (which may contain any
  // text) is inserted last and never searched.
  replaceMarker(page, "<!--omen:title-->", escapeHtml(title));
  replaceMarker(page, "/*omen:style*/", std::string(asset("style.css")));
  replaceMarker(page, "<!--omen:scripts-->", scripts);
  std::string data = "<script type=\"application/json\" id=\"omen-grammar\">" +
                     scriptSafeJson(asset("omen.tmLanguage.json")) +
                     "</script>\n<script type=\"application/json\" id=\"omen-data\">" + scriptSafeJson(dataJson) +
                     "</script>";
  replaceMarker(page, "<!--omen:data-->", data);
  return page;
}

}  // namespace omen::web
