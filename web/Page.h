//===- Page.h - A web page with every script, style and datum inline ----------===//
//
// Both pages (report.html, playground.html) are templates in web/assets/ with three markers
// that this fills: the style sheet, the page's data as JSON, and its scripts. The result names
// no URL and loads nothing: a report opens offline, and its Content-Security-Policy forbids
// any request.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <string_view>

namespace omen::web {

enum class PageKind { Report, Playground };

/// The page of `kind` with `dataJson` (a JSON document) as its data. Every '<' of the JSON is
/// written as \u003c, so no text inside it can close the script element that holds it.
std::string inlinePage(PageKind kind, const std::string& dataJson, const std::string& title);

/// `text` with & < > " ' as HTML character references (for the page's <title>).
std::string escapeHtml(std::string_view text);

}  // namespace omen::web
