//===- Dependencies.cpp - Order consts and functions; forbid recursion ------===//
//
// Consts and functions form one graph (a const may call a function that reads another
// const). A depth-first walk gives an order in which each comes after what it uses, which
// is the order they are typed, and the order the Program lists them for lowering. A cycle
// through functions only is recursion, which omen forbids; a cycle through a const is a
// definition in terms of itself. Each is reported at the use that closes the cycle.
//
//===----------------------------------------------------------------------===//
#include <algorithm>
#include <map>

#include "frontend/sema/SemaContext.h"
#include "frontend/sema/Walk.h"

namespace omen::sema {

namespace {

struct Use {
  ast::NamedDecl* target;
  SourceRange where;
};

class Dependencies {
 public:
  explicit Dependencies(Context& ctx) : ctx_(ctx) {}

  void run() {
    // Visit in load order, so independent declarations keep the order they were written.
    std::vector<ast::NamedDecl*> all;
    for (auto& module : ctx_.program.modules)
      for (ast::TopDeclPtr& decl : module->decls) {
        if (auto* c = dyn_cast<ast::ConstDecl>(decl.get())) all.push_back(c);
        if (auto* f = dyn_cast<ast::FnDecl>(decl.get())) all.push_back(f);
      }
    for (ast::NamedDecl* d : all) visit(d);
  }

 private:
  enum class Mark { None, Active, Done };

  std::vector<Use> usesOf(ast::NamedDecl* d) {
    std::vector<Use> uses;
    auto collect = [&](ast::Expr* e) {
      if (auto* n = dyn_cast<ast::NameExpr>(e))
        if (n->target && n->target->declKind == ast::DeclKind::Const)
          uses.push_back({const_cast<ast::NamedDecl*>(n->target), n->range});
      if (auto* c = dyn_cast<ast::CallExpr>(e))
        if (c->function) uses.push_back({const_cast<ast::FnDecl*>(c->function), c->calleeRange});
    };
    if (auto* c = dynamic_cast<ast::ConstDecl*>(d)) walkExpr(c->init.get(), collect);
    if (auto* f = dynamic_cast<ast::FnDecl*>(d)) {
      walkExpr(f->exprBody.get(), collect);
      walkStmtExprs(f->blockBody.get(), collect);
    }
    return uses;
  }

  // Iterative, so that a long chain of consts (each using the previous) cannot exhaust
  // the stack: user input never crashes the checker.
  void visit(ast::NamedDecl* root) {
    if (marks_[root] != Mark::None) return;
    struct Frame {
      ast::NamedDecl* decl;
      std::vector<Use> uses;
      size_t next = 0;
    };
    std::vector<Frame> stack;
    auto enter = [&](ast::NamedDecl* d) {
      marks_[d] = Mark::Active;
      path_.push_back(d);
      stack.push_back({d, usesOf(d)});
    };
    enter(root);
    while (!stack.empty()) {
      Frame& top = stack.back();
      if (top.next < top.uses.size()) {
        Use use = top.uses[top.next++];
        if (marks_[use.target] == Mark::Active)
          reportCycle(use);
        else if (marks_[use.target] == Mark::None)
          enter(use.target);
        continue;
      }
      marks_[top.decl] = Mark::Done;
      ctx_.globalOrder.push_back(top.decl);
      path_.pop_back();
      stack.pop_back();
    }
  }

  void reportCycle(const Use& use) {
    auto start = std::find(path_.begin(), path_.end(), use.target);
    std::string chain;
    bool allFunctions = true;
    for (auto it = start; it != path_.end(); ++it) {
      chain += (*it)->name + " -> ";
      allFunctions = allFunctions && (*it)->declKind == ast::DeclKind::Fn;
    }
    chain += use.target->name;
    if (allFunctions && start + 1 == path_.end())
      ctx_.error(use.where,
                 "function '" + use.target->name + "' calls itself; recursion is not allowed");
    else if (allFunctions)
      ctx_.error(use.where,
                 "functions call each other recursively (" + chain + "); recursion is not allowed");
    else
      ctx_.error(use.where,
                 "'" + use.target->name + "' is defined in terms of itself (" + chain + ")");
  }

  Context& ctx_;
  std::map<ast::NamedDecl*, Mark> marks_;
  std::vector<ast::NamedDecl*> path_;
};

}  // namespace

void orderGlobals(Context& ctx) { Dependencies(ctx).run(); }

}  // namespace omen::sema
