#!/bin/sh
# Runs install.sh for real without changing this machine: in a private mount namespace where /etc and /opt are
# throwaway copies. Checks the user, the files and their modes, the enabled unit (systemd-analyze verify), that an
# upgrade keeps the settings, and that the server starts as the unit starts it (user callport, /opt/callport/java).
# Needs root, unshare and systemd-analyze (Debian: util-linux, systemd). Uses the java of JAVA_HOME when set.
#
#   sudo packaging/systemd/check-install.sh [callport-server.jar]
set -eu

here=$(cd "$(dirname "$0")" && pwd)
jar=$(readlink -f "${1:-$here/../../server/target/callport-server.jar}")
java=${JAVA_HOME:+$JAVA_HOME/bin/java}
java=${java:-$(command -v java)}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -a /etc "$scratch/etc"

unshare --mount --propagation private sh -eu -c '
  here=$1 jar=$2 scratch=$3 java=$4
  mount --bind "$scratch/etc" /etc
  mount -t tmpfs tmpfs /opt
  fail() { echo "check-install: $*" >&2; exit 1; }
  expect_mode() { [ "$(stat -c "%a %U:%G" "$1")" = "$2" ] || fail "$1 is $(stat -c "%a %U:%G" "$1"), not $2"; }

  "$here/install.sh" --java "$java" --no-start "$jar"

  getent passwd callport | grep -q ":/var/lib/callport:/usr/sbin/nologin$" || fail "no system user callport"
  expect_mode /etc/callport "750 root:callport"
  expect_mode /etc/callport/server.env "640 root:callport"
  expect_mode /opt/callport/callport-server.jar "644 root:root"
  [ -L /etc/systemd/system/multi-user.target.wants/callport-server.service ] || fail "the unit is not enabled"
  findings=$(systemd-analyze verify /etc/systemd/system/callport-server.service 2>&1) || fail "$findings"
  [ -z "$findings" ] || fail "systemd-analyze verify: $findings"

  echo "CALLPORT_HTTP_PORT=9090" >> /etc/callport/server.env
  "$here/install.sh" --java "$java" --no-start "$jar" >/dev/null
  grep -q "^CALLPORT_HTTP_PORT=9090$" /etc/callport/server.env || fail "an upgrade replaced the settings"

  version=$(runuser -u callport -- /opt/callport/java -jar /opt/callport/callport-server.jar --version)
  case "$version" in callport-server\ *) ;; *) fail "the installed server printed: $version" ;; esac
  echo "check-install: install.sh works ($version); the unit verifies cleanly."
' sh "$here" "$jar" "$scratch" "$java"
