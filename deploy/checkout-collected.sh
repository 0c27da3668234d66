#!/usr/bin/env bash
# The daily workflow's step before `brief run`: the collector host's day files, from the data
# branch deploy/push-collected.sh pushes, into collected/ (where `brief run` reads them).
#
#   checkout-collected.sh [dir]          (run inside the repository checkout; default dir: collected)
#
# Environment: BRIEF_DATA_REMOTE (default origin), BRIEF_DATA_BRANCH (default collected-data).
# The files are extracted as plain files (git archive), not a worktree, so a later
# `git add snapshots/` never sees them (collected/ is ignored anyway). Without the branch the
# run goes on with a warning: the brief then discloses the missing collector, unless another
# source covers the liquidations.
set -euo pipefail

dir="${1:-collected}"
remote="${BRIEF_DATA_REMOTE:-origin}"
branch="${BRIEF_DATA_BRANCH:-collected-data}"

status=0
git ls-remote --exit-code --heads "$remote" "$branch" >/dev/null || status=$?
if [ "$status" -eq 2 ]; then
  echo "::warning::no $branch branch on $remote: no collected liquidation events for this brief"
  exit 0
elif [ "$status" -ne 0 ]; then
  echo "::warning::could not read $remote (git ls-remote exit $status): no collected liquidation events for this brief"
  exit 0
fi
git fetch -q --depth=1 "$remote" "refs/heads/$branch"
mkdir -p "$dir"
git archive FETCH_HEAD | tar -x -C "$dir"
count="$(git ls-tree --name-only FETCH_HEAD | grep -c '^[0-9]\{4\}-[0-9]\{2\}-[0-9]\{2\}\.jsonl$' || true)"
newest="$(git ls-tree --name-only FETCH_HEAD | grep '^[0-9]\{4\}-[0-9]\{2\}-[0-9]\{2\}\.jsonl$' | sort | tail -n 1 || true)"
echo "checkout-collected: $count day files from $branch into $dir (newest ${newest:-none}, pushed $(git log -1 --format=%cI FETCH_HEAD))"
