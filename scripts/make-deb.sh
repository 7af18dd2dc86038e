#!/usr/bin/env bash
# Builds the Debian package kursus_<version>_<arch>.deb: a release build with the Swift
# runtime and Foundation linked in (the package does not depend on the toolchain), the
# files packaging/install-tree.sh lays out under /usr, the maintainer scripts in
# packaging/debian, and Depends computed by dpkg-shlibdeps from the libraries the binary
# really loads. Usage: scripts/make-deb.sh [-o OUTPUT_FOLDER] [--scratch-path DIR]
# (default output: the repository; --scratch-path: a build folder other than .build)
# Prints the path of the .deb on standard output; everything else goes to standard error.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}

output=.
build=(-c release --static-swift-stdlib)
scratch=.build
while [ $# -gt 0 ]; do
  case "$1" in
    -o | --output) output=$2; shift 2 ;;
    --scratch-path) scratch=$2; build+=(--scratch-path "$2"); shift 2 ;;
    *) echo "make-deb.sh: unknown argument '$1'; usage: scripts/make-deb.sh [-o OUTPUT_FOLDER] [--scratch-path DIR]" >&2; exit 2 ;;
  esac
done

version=$(sed -n 's/^ *static let current = "\([^"]*\)".*/\1/p' Sources/kursus/KursusVersion.swift)
[ -n "$version" ] || { echo "make-deb.sh: no version in Sources/kursus/KursusVersion.swift" >&2; exit 1; }
changelog_version=$(dpkg-parsechangelog -l packaging/debian/changelog -S Version)
if [ "$changelog_version" != "$version" ]; then
  echo "make-deb.sh: packaging/debian/changelog's newest entry is $changelog_version but Kursus is $version; add an entry for $version" >&2
  exit 1
fi
arch=$(dpkg --print-architecture)

"$SWIFT" build "${build[@]}" --product kursus >&2
bin=$("$SWIFT" build "${build[@]}" --show-bin-path)

stage=$scratch/deb/kursus_${version}_${arch}
rm -rf "$stage"
install -d -m 0755 "$stage/DEBIAN"
packaging/install-tree.sh --binary "$bin/kursus" --prefix /usr --destdir "$stage" >&2

# Depends: the shared libraries the binary loads, as dpkg-shlibdeps names their packages.
shlibs=$(mktemp -d)
trap 'rm -rf "$shlibs"' EXIT
mkdir "$shlibs/debian"
printf 'Source: kursus\n\nPackage: kursus\nArchitecture: any\n' >"$shlibs/debian/control"
binary_path=$(realpath "$stage/usr/bin/kursus")
depends=$(cd "$shlibs" && dpkg-shlibdeps -O -e"$binary_path" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "make-deb.sh: dpkg-shlibdeps found no dependencies for $binary_path" >&2; exit 1; }

installed_size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@INSTALLED_SIZE@/$installed_size/" -e "s/@DEPENDS@/$depends/" \
  packaging/debian/control.in >"$stage/DEBIAN/control"
for script in postinst prerm postrm; do install -m 0755 "packaging/debian/$script" "$stage/DEBIAN/$script"; done
(cd "$stage" && find usr -type f -print0 | LC_ALL=C sort -z | xargs -0 md5sum) >"$stage/DEBIAN/md5sums"
chmod 0644 "$stage/DEBIAN/control" "$stage/DEBIAN/md5sums"

# Every file dated by the changelog, so the same sources give the same package.
SOURCE_DATE_EPOCH=$(dpkg-parsechangelog -l packaging/debian/changelog -S Timestamp)
export SOURCE_DATE_EPOCH
find "$stage" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

mkdir -p "$output"
deb="$output/kursus_${version}_${arch}.deb"
dpkg-deb --build --root-owner-group -Zxz "$stage" "$deb" >/dev/null
echo "$deb"
