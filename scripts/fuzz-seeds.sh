#!/usr/bin/env bash
# Fills Fuzz/Corpus/<target>/ with the seeds taken from files in the repository: the
# bundled course (Courses/digital-kompetence, as bundled-*), the test fixtures' course
# manifests (fixture-*) and the code blocks of docs/*.md (doc-<file>-<n>.*). Seeds that
# Kursus itself wrote (made-*: progress files, profiles, transfer files) and hand-written
# ones (hand-*) are kept as they are. Run it after the bundled course or the docs change;
# docs/reliability.md says how the seeds were made.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - <<'PY'
import pathlib, re

root = pathlib.Path(".")
corpus = root / "Fuzz" / "Corpus"
course = root / "Courses" / "digital-kompetence"
targets = ["manifest", "lesson", "gift", "quiz", "scenario", "progress", "profile", "transfer"]
for target in targets:
    folder = corpus / target
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        if old.name.startswith(("bundled-", "fixture-", "doc-")):
            old.unlink()

def put(target, name, data):
    (corpus / target / name).write_bytes(data)

put("manifest", "bundled-course.yaml", (course / "course.yaml").read_bytes())
for manifest in sorted((root / "Tests" / "Fixtures").glob("*/course.yaml")):
    put("manifest", "fixture-" + manifest.parent.name + ".yaml", manifest.read_bytes())
for lesson in sorted((course / "lektioner").glob("*.md")):
    put("lesson", "bundled-" + lesson.name, lesson.read_bytes())
for quiz in sorted((course / "quizzer").glob("*.yaml")):
    put("quiz", "bundled-" + quiz.name, quiz.read_bytes())
for gift in sorted((course / "quizzer").glob("*.gift")):
    put("gift", "bundled-" + gift.name, gift.read_bytes())
for scenario in sorted((course / "scenarier").glob("*.yaml")):
    put("scenario", "bundled-" + scenario.name, scenario.read_bytes())

# Code blocks of the docs: a block goes to the target its format line names; a block
# without one goes to the target of the page it is on (a fragment is still good
# material for mutations). Markdown blocks are lessons.
pages = {"course-format.md": "manifest", "quiz-format.md": "quiz", "scenario-format.md": "scenario",
         "gift.md": "gift", "learners.md": None, "tutorial.md": None, "packages.md": None}
formats = [("kursus-quiz/1", "quiz"), ("kursus-scenario/1", "scenario"), ("kursus/1", "manifest")]
fence = re.compile(r"^( *)(```+)(\w*)([^\n]*)\n(.*?)^\1\2\s*$", re.M | re.S)
for page in sorted((root / "docs").glob("*.md")):
    for number, match in enumerate(fence.finditer(page.read_text(encoding="utf-8")), start=1):
        indent, _, language, info, body = match.groups()
        body = "".join(line[len(indent):] if line.startswith(indent) else line for line in body.splitlines(True))
        if language == "console":
            # What a command printed, without the commands.
            body = "".join(line for line in body.splitlines(True) if not line.startswith("$ "))
        stem = "doc-" + page.stem + "-" + str(number)
        named = re.search(r"file=(\S+)", info)
        named = named.group(1) if named else ""
        target = next((t for f, t in formats if "format: " + f in body), None)
        if language == "markdown" or named.endswith(".md"):
            put("lesson", stem + ".md", body.encode())
        elif language == "gift" or named.endswith(".gift"):
            put("gift", stem + ".gift", body.encode())
        elif target is not None or language == "yaml":
            target = target or pages.get(page.name)
            if target is not None:
                put(target, stem + ".yaml", body.encode())
# The Markdown pages themselves are lessons too (every construct docs/markdown.md lists).
for page in ["markdown.md", "content.md"]:
    put("lesson", "doc-" + page, (root / "docs" / page).read_bytes())
for target in targets:
    print(f"{target}: {len(list((corpus / target).iterdir()))} seeds")
PY
