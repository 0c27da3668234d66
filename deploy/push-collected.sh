#!/usr/bin/env bash
# Commits the collector's day files (<collected-dir>/YYYY-MM-DD.jsonl) to a data branch and
# pushes it, so the daily workflow can check them out into collected/ before `brief run`
# (deploy/checkout-collected.sh). Run it on the collector host every 30 minutes or so
# (deploy/compose.yaml's `push` service, or deploy/brief-push-collected.timer).
#
#   push-collected.sh <collected-dir>
#
# Environment:
#   BRIEF_DATA_REMOTE  the repository to push to (URL or path), required
#   BRIEF_DATA_BRANCH  the data branch (default collected-data)
#   BRIEF_DATA_CLONE   a working clone kept between runs (default <collected-dir>/../data-branch)
#
# The branch holds the day files at its root and nothing else; only this script writes it, from
# one collector host (a second host would overwrite the first one's files). A push rejected
# because the branch moved is retried on top of the moved branch (up to 5 times, waiting
# BRIEF_PUSH_RETRY_DELAY × attempt seconds, default 2). The heartbeat, the lock and temporary
# files are never committed.
set -euo pipefail

src="${1:?usage: push-collected.sh <collected-dir>}"
remote="${BRIEF_DATA_REMOTE:?set BRIEF_DATA_REMOTE to the repository to push to}"
branch="${BRIEF_DATA_BRANCH:-collected-data}"
src="$(cd "$src" && pwd)"
clone="${BRIEF_DATA_CLONE:-$(dirname "$src")/data-branch}"

# A commit needs an identity: brief-collector, unless GIT_AUTHOR_NAME / GIT_AUTHOR_EMAIL say otherwise.
git_() {
  git -C "$clone" -c user.name="${GIT_AUTHOR_NAME:-brief-collector}" -c user.email="${GIT_AUTHOR_EMAIL:-brief-collector@users.noreply.github.com}" "$@"
}

if [ ! -d "$clone/.git" ]; then
  mkdir -p "$clone"
  git -C "$clone" init -q
  git -C "$clone" remote add origin "$remote"
fi
git -C "$clone" remote set-url origin "$remote"

# The day files are the truth and the branch only mirrors them, so a commit is always (re)made
# on top of the remote branch as it is now: fetch it, put the clone exactly there, copy the day
# files (only names like 2024-01-04.jsonl, byte for byte), commit what changed; `changed` says
# whether there was anything. Rebuilding instead of `git rebase` means a moved branch never stops the push
# with a conflict; whatever else is on the branch is kept.
commit_on_remote() {
  local found=0
  git -C "$clone" ls-remote --exit-code --heads origin "$branch" >/dev/null || found=$?
  # 2: the remote answered and has no such branch; anything else is a failure to reach it.
  if [ "$found" -ne 0 ] && [ "$found" -ne 2 ]; then
    echo "push-collected: cannot read $remote (git ls-remote exit $found)" >&2
    exit 1
  fi
  changed=0
  if [ "$found" -eq 0 ]; then
    git_ fetch -q origin "$branch"
    git_ checkout -q -B "$branch" FETCH_HEAD
    git_ reset -q --hard FETCH_HEAD
  else
    # No branch on the remote yet: start an empty one (dropping any commit a failed push left);
    # the first push creates it.
    git -C "$clone" symbolic-ref HEAD "refs/heads/$branch"
    git -C "$clone" update-ref -d "refs/heads/$branch"
    git -C "$clone" read-tree --empty
  fi
  git_ clean -qfdx
  local copied=0 file
  shopt -s nullglob
  for file in "$src"/[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9].jsonl; do
    cp "$file" "$clone/"
    copied=$((copied + 1))
  done
  git_ add -- '*.jsonl'
  if git -C "$clone" diff --cached --quiet; then
    echo "push-collected: nothing new ($copied day files, branch $branch up to date)"
    return 0
  fi
  changed=1
  days="$(git -C "$clone" diff --cached --name-only | sed 's/\.jsonl$//' | sort | paste -sd, - | sed 's/,/, /g')"
  git_ commit -q -m "collected: liquidation events for $days (${HOSTNAME:-$(uname -n)})"
}

delay="${BRIEF_PUSH_RETRY_DELAY:-2}"
for attempt in 1 2 3 4 5; do
  commit_on_remote
  [ "$changed" -eq 1 ] || exit 0
  # The lease: the push succeeds only if the branch is still where it was fetched.
  if git_ push -q origin "HEAD:refs/heads/$branch"; then
    echo "push-collected: pushed $days to $branch"
    exit 0
  fi
  echo "push-collected: push rejected (attempt $attempt): the branch moved; committing again on top of it" >&2
  sleep $((attempt * delay))
done
echo "push-collected: could not push to $branch after 5 attempts" >&2
exit 1
