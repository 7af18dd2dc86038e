#!/usr/bin/env python3
"""Writes Kursus's manual pages from its argument parser.

Reads `kursus --experimental-dump-help` (swift-argument-parser's description of every
command, option and help text) and writes one roff page per command into OUTPUT:
kursus.1, kursus-play.1, kursus-learners-add.1, ... The pages are as current as the
binary's own --help, and the same binary and DATE give the same bytes.

Usage: packaging/make-manpages.py KURSUS_BINARY OUTPUT_FOLDER DATE(yyyy-mm-dd)
"""
import json
import os
import subprocess
import sys

ROOT_EXTRA = r"""
.SH ENVIRONMENT
.TP
.B KURSUS_DATA_DIR
The data directory: learners, their progress and learning records (default
\fI$XDG_DATA_HOME/kursus\fR, else \fI~/.local/share/kursus\fR; \fB\-\-data\-dir\fR overrides it).
.TP
.B KURSUS_HOME
An installation folder whose \fIAssets/\fR overrides the built\-in UI strings, themes
and portraits file by file, and whose \fICourses/\fR holds the bundled course.
.TP
.BR LC_ALL ", " LC_MESSAGES ", " LANG
The UI language (Danish when it starts with \fBda\fR, else English) unless \fB\-\-lang\fR is given.
.TP
.B NO_COLOR
When set, no colours are used.
.SH FILES
.TP
.I /var/lib/kursus/library
The shared course library (\fBkursus install\fR as root writes there).
.TP
.I /etc/kursus/config.yaml
The workstation's system config: its \fBpackages:\fR section sets which signing keys are trusted.
.TP
.I ~/.local/share/kursus
The default data directory of the account that runs Kursus.
"""


def roff(text):
    """Text made safe for roff: backslashes, hyphens, and lines starting with . or '."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    lines = []
    for line in text.split("\n"):
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def option_name(name):
    return ("-" if name["kind"] == "short" else "--") + name["name"]


def argument_label(argument):
    value = argument.get("valueName", "value")
    if argument["kind"] == "positional":
        label = "\\fI%s\\fR" % roff(value)
    else:
        names = ", ".join("\\fB%s\\fR" % roff(option_name(n)) for n in argument.get("names", []))
        label = names + (" \\fI%s\\fR" % roff(value) if argument["kind"] == "option" else "")
    return label + (" ..." if argument.get("isRepeating") else "")


def synopsis_item(argument):
    if argument["kind"] == "positional":
        item = "\\fI%s\\fR" % roff(argument.get("valueName", "value"))
    else:
        name = argument.get("preferredName") or argument["names"][0]
        item = "\\fB%s\\fR" % roff(option_name(name))
        if argument["kind"] == "option":
            item += " \\fI%s\\fR" % roff(argument.get("valueName", "value"))
    if argument.get("isRepeating"):
        item += " ..."
    return "[%s]" % item if argument.get("isOptional") else item


def visible(items):
    return [item for item in items or [] if item.get("shouldDisplay", True)]


def page(command, path, date, version):
    name = " ".join(path)
    title = "-".join(path)
    arguments = [a for a in visible(command.get("arguments")) if a.get("valueName") not in ("help", "version")]
    subcommands = [s for s in visible(command.get("subcommands")) if s["commandName"] != "help"]
    out = ['.TH "%s" "1" "%s" "kursus %s" "Kursus Manual"' % (roff(title.upper()), date, roff(version))]
    out += [".SH NAME", "%s \\- %s" % (roff(title), roff(command.get("abstract", "").rstrip(".")))]
    out += [".SH SYNOPSIS", ".B %s" % roff(name)]
    items = [synopsis_item(a) for a in arguments]
    if subcommands:
        items.insert(0, "\\fIcommand\\fR")
    if items:
        out.append(" ".join(items))
    description = command.get("abstract", "")
    if command.get("discussion"):
        description += "\n\n" + command["discussion"]
    if description:
        out += [".SH DESCRIPTION", roff(description).replace("\n\n", "\n.PP\n")]
    if arguments:
        out.append(".SH OPTIONS")
        for argument in arguments:
            out += [".TP", argument_label(argument), roff(argument.get("abstract", ""))]
            if argument.get("discussion"):
                out += [".IP", roff(argument["discussion"])]
            if "defaultValue" in argument:
                out += [".IP", "Default: %s." % roff(str(argument["defaultValue"]))]
    if subcommands:
        out.append(".SH COMMANDS")
        for sub in subcommands:
            out += [".TP", "\\fB%s\\fR" % roff(sub["commandName"]), "%s See \\fB%s\\fR(1)." % (roff(sub.get("abstract", "")), roff("-".join(path + [sub["commandName"]])))]
    if len(path) == 1:
        out.append(ROOT_EXTRA.strip("\n"))
    see_also = ["kursus"] if len(path) > 1 else []
    if len(path) > 2:
        see_also.append("-".join(path[:-1]))
    if see_also:
        out += [".SH SEE ALSO", ", ".join("\\fB%s\\fR(1)" % roff(s) for s in see_also)]
    return "\n".join(out) + "\n"


def write_pages(command, path, folder, date, version):
    with open(os.path.join(folder, "-".join(path) + ".1"), "w", encoding="utf-8") as handle:
        handle.write(page(command, path, date, version))
    for sub in visible(command.get("subcommands")):
        if sub["commandName"] != "help":
            write_pages(sub, path + [sub["commandName"]], folder, date, version)


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: make-manpages.py KURSUS_BINARY OUTPUT_FOLDER DATE")
    binary, folder, date = sys.argv[1:]
    dump = json.loads(subprocess.run([binary, "--experimental-dump-help"], check=True, capture_output=True).stdout)
    version = subprocess.run([binary, "--version"], check=True, capture_output=True, text=True).stdout.strip()
    write_pages(dump["command"], [dump["command"]["commandName"]], folder, date, version)


if __name__ == "__main__":
    main()
