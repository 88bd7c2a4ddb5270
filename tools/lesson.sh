#!/usr/bin/env bash
# Shows a step's lesson: the diff between the src/ folders of the step and the step it builds on, without
# the course's marker lines (// tag::name[], // end::name[], // BEGIN SOLUTION exN.M, // END SOLUTION, and
# the same with # or <!-- -->). Sources that a step compiles from another step (step 4 compiles step 3's
# src/main/java, see its pom.xml) count as the step's own. Run it from anywhere:
#
#   tools/lesson.sh step2-long-polling step3-backlog     # the unified diff
#   tools/lesson.sh -q step2-long-polling step3-backlog  # only the names of the files that differ
#
# The step's LESSON.md lists those files, each with why it differs; course-checks/LessonsTest checks that
# the list and the diff agree, and that every other file is a byte-for-byte copy.
set -euo pipefail
cd "$(dirname "$0")/.."

brief=()
if [[ ${1:-} == -q ]]; then
  brief=(-q)
  shift
fi
if [[ $# -ne 2 || ! -d ${1:-} || ! -d ${2:-} ]]; then
  echo "usage: tools/lesson.sh [-q] EARLIER_STEP STEP    such as: tools/lesson.sh step2-long-polling step3-backlog" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Copies the files of a source folder into another, each without its marker lines.
copy_without_markers() {
  local from=$1 to=$2 file
  while IFS= read -r -d '' file; do
    mkdir -p "$to/$(dirname "$file")"
    grep -Ev '^[[:space:]]*(//|#|<!--)[[:space:]]*((tag|end)::[^[:space:]]*\[\][[:space:]]*(-->)?|(BEGIN|END) SOLUTION\b.*)[[:space:]]*$' \
      "$from/$file" > "$to/$file" || true # grep fails on a file of nothing but markers: then it is empty
  done < <(cd "$from" && find . -type f -print0)
}

# A step's tree: its src/, plus any ../OTHER-STEP/src/... folder its pom.xml adds as a source folder.
step_tree() {
  local step=$1 added
  copy_without_markers "$step/src" "$work/$step/src"
  for added in $(sed -n 's|.*<source>\.\./\([^<]*/src/[^<]*\)</source>.*|\1|p' "$step/pom.xml"); do
    copy_without_markers "$added" "$work/$step/src/${added#*/src/}"
  done
}

step_tree "$1"
step_tree "$2"
cd "$work"
diff -r "${brief[@]}" -u "$1/src" "$2/src" || true # diff's status 1 means "they differ": that is the lesson
