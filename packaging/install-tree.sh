#!/usr/bin/env bash
# Installs Kursus's files under DESTDIR/PREFIX, the layout the Debian package ships:
#   bin/kursus                                        the self-contained binary
#   share/man/man1/kursus.1.gz, kursus-<command>.1.gz manual pages from the argument parser
#   share/bash-completion/completions/kursus          bash completion
#   share/zsh/vendor-completions/_kursus              zsh completion
#   share/fish/vendor_completions.d/kursus.fish       fish completion
#   share/doc/kursus/copyright, changelog.Debian.gz
#   share/kursus/courses/digital-kompetence.kursus    the bundled course, for `kursus install`
#     (or share/kursus/Courses/digital-kompetence/ when this kursus has no `pack` command)
# Usage: packaging/install-tree.sh --binary FILE [--prefix /usr] [--destdir DIR]
set -euo pipefail
cd "$(dirname "$0")/.."

binary="" prefix=/usr destdir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary=$2; shift 2 ;;
    --prefix) prefix=$2; shift 2 ;;
    --destdir) destdir=$2; shift 2 ;;
    *) echo "install-tree.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[ -x "$binary" ] || { echo "install-tree.sh: --binary must name the built kursus" >&2; exit 2; }

root="$destdir$prefix"
install -d -m 0755 "$root/bin" "$root/share/man/man1" "$root/share/bash-completion/completions" \
  "$root/share/zsh/vendor-completions" "$root/share/fish/vendor_completions.d" "$root/share/doc/kursus" "$root/share/kursus"
install -m 0755 "$binary" "$root/bin/kursus"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$root/bin/kursus"

# Manual pages from the argument parser (packaging/make-manpages.py reads
# `kursus --experimental-dump-help`), dated by the changelog's newest entry so the same
# sources give the same pages.
changed=$(dpkg-parsechangelog -l packaging/debian/changelog -S Date)
pages=$(mktemp -d)
trap 'rm -rf "$pages"' EXIT
packaging/make-manpages.py "$root/bin/kursus" "$pages" "$(date -u -d "$changed" +%Y-%m-%d)"
for page in "$pages"/*.1; do
  gzip -9n <"$page" >"$root/share/man/man1/$(basename "$page").gz"
  chmod 0644 "$root/share/man/man1/$(basename "$page").gz"
done

"$root/bin/kursus" --generate-completion-script bash >"$root/share/bash-completion/completions/kursus"
"$root/bin/kursus" --generate-completion-script zsh >"$root/share/zsh/vendor-completions/_kursus"
"$root/bin/kursus" --generate-completion-script fish >"$root/share/fish/vendor_completions.d/kursus.fish"
chmod 0644 "$root/share/bash-completion/completions/kursus" "$root/share/zsh/vendor-completions/_kursus" \
  "$root/share/fish/vendor_completions.d/kursus.fish"

install -m 0644 packaging/debian/copyright "$root/share/doc/kursus/copyright"
gzip -9n <packaging/debian/changelog >"$root/share/doc/kursus/changelog.Debian.gz"
chmod 0644 "$root/share/doc/kursus/changelog.Debian.gz"

# The bundled course: as a signed-or-not .kursus file that the maintainer script installs
# into the library, when this kursus can pack; else as a folder the player finds itself.
has_command() { "$root/bin/kursus" --help | grep -Eq "^ +$1( |\$)"; }
if has_command pack && has_command install; then
  install -d -m 0755 "$root/share/kursus/courses"
  "$root/bin/kursus" pack Courses/digital-kompetence -o "$root/share/kursus/courses/digital-kompetence.kursus"
  chmod 0644 "$root/share/kursus/courses/digital-kompetence.kursus"
else
  install -d -m 0755 "$root/share/kursus/Courses"
  cp -R Courses/digital-kompetence "$root/share/kursus/Courses/"
  find "$root/share/kursus/Courses" -type d -exec chmod 0755 {} + -o -type f -exec chmod 0644 {} +
fi
