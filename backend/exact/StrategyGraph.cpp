//===- StrategyGraph.cpp - Every state and step a trial can take --------------===//
#include "backend/exact/StrategyGraph.h"

namespace omen::exact {

uint32_t StrategyGraph::nodeOf(const StateKey& key) {
  auto [it, fresh] = ids_.try_emplace(key, uint32_t(keys.size()));
  if (fresh) {
    keys.push_back(key);
    states.emplace_back();
  }
  return it->second;
}

void StrategyGraph::beginSource(const StateKey& key) {
  current_ = nodeOf(key);
  if (root == kNoNode) root = current_;
  order.push_back(current_);
  treeIndex_.clear();
  path.clear();
}

uint32_t StrategyGraph::treeNode(const std::vector<uint32_t>& full) {
  auto found = treeIndex_.find(full);
  if (found != treeIndex_.end()) return found->second;
  uint32_t parent = kNoNode;
  if (!full.empty()) parent = treeNode(std::vector<uint32_t>(full.begin(), full.end() - 1));
  std::vector<TreeNode>& tree = states[current_].tree;
  uint32_t index = uint32_t(tree.size());
  tree.emplace_back();
  treeIndex_.emplace(full, index);
  if (parent != kNoNode) tree[parent].children[full.back()] = index;
  return index;
}

void StrategyGraph::branch(const std::vector<uint32_t>& full, const Branch& b) {
  uint32_t index = treeNode(full);
  TreeNode& n = states[current_].tree[index];
  n.kind = b.decision ? TreeNode::Decision : TreeNode::Chance;
  n.children.assign(b.outcomes.size(), kNoNode);
  n.dropped = b.droppedMass;
  for (const DrawOutcome& o : b.outcomes) {
    n.probability.push_back(o.probability);
    n.alternatives.push_back(o.value);
  }
  n.site = b.site;
  n.seen = b.seen;
}

void StrategyGraph::arrive(const StateKey& key) {
  uint32_t target = nodeOf(key);  // first: it may grow `states`
  uint32_t index = treeNode(path);
  TreeNode& n = states[current_].tree[index];
  n.kind = TreeNode::Leaf;
  n.target = target;
}

}  // namespace omen::exact
