#!/bin/sh
# Installs the Callport server as a systemd service:
#   user and group "callport", the jar in /opt/callport, settings in /etc/callport/server.env (kept when present),
#   data in /var/lib/callport (made by systemd at the first start), the unit callport-server.service enabled.
# Run it again with a newer jar to upgrade: the service restarts, settings and data stay.
#
#   sudo packaging/systemd/install.sh [--java PATH] [--no-start] [callport-server.jar]
#
#   --java PATH   the java of a Java 25 (or later) runtime; default: the java on PATH
#   --no-start    enable the service without starting it (also when systemd is not running, as in an image build)
#   JAR           default: server/target/callport-server.jar of this repository (./callport build makes it)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
jar="$here/../../server/target/callport-server.jar"
java=$(command -v java || true)
start=yes

while [ $# -gt 0 ]; do
  case "$1" in
    --java) java="$2"; shift 2 ;;
    --no-start) start=no; shift ;;
    -h|--help) sed -n '2,13s/^# \{0,1\}//p' "$0"; exit 0 ;;
    -*) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) jar="$1"; shift ;;
  esac
done

fail() { echo "install.sh: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "run it as root (sudo), it creates a user and a system service."
[ -f "$jar" ] || fail "no server jar at $jar. Build it with ./callport build, or name the jar."
[ -n "$java" ] && [ -x "$java" ] || fail "no java found. Install a Java 25 runtime (e.g. temurin-25-jre) or give --java PATH."
java=$(readlink -f "$java")
version=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
[ "${version:-0}" -ge 25 ] 2>/dev/null || fail "$java is Java ${version:-unknown}; the server needs Java 25 or later."

if ! getent passwd callport >/dev/null; then
  useradd --system --user-group --home-dir /var/lib/callport --no-create-home \
    --shell /usr/sbin/nologin --comment "Callport server" callport
  echo "Created the system user callport."
fi

install -d -m 0755 /opt/callport
install -m 0644 "$jar" /opt/callport/callport-server.jar
# the unit starts /opt/callport/java: the runtime checked above, whatever java PATH finds later
ln -sfn "$java" /opt/callport/java

install -d -m 0750 -g callport /etc/callport
if [ -e /etc/callport/server.env ]; then
  echo "Kept the settings in /etc/callport/server.env."
else
  install -m 0640 -g callport "$here/server.env" /etc/callport/server.env
  echo "Wrote the settings /etc/callport/server.env: edit them, then: systemctl restart callport-server"
fi

install -m 0644 "$here/callport-server.service" /etc/systemd/system/callport-server.service
systemctl enable callport-server.service

if [ "$start" = yes ] && [ -d /run/systemd/system ]; then
  systemctl daemon-reload
  systemctl restart callport-server.service
  echo "Started callport-server. At its first start it makes the owner API key; read it once, then delete the file:"
  echo "  cat /var/lib/callport/initial-owner-key.txt   (also in: journalctl -u callport-server)"
else
  echo "Enabled callport-server; it starts at the next boot or with: systemctl start callport-server"
fi
