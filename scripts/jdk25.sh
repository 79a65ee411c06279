# Sourced by the project's scripts: exports JAVA_HOME pointing at a JDK >= 25.
# Keeps a JAVA_HOME the user set when it is new enough; otherwise looks under /usr/lib/jvm,
# because on these machines `java` on the PATH is 17 while a JDK 25 sits beside it.

ringwatch_jdk_feature() {
  # Prints the feature release (17, 25, ...) of the JDK at $1, or nothing when it is not a JDK.
  local home=$1 v
  [ -x "$home/bin/javac" ] || return 0
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null)
  [ -n "$v" ] || v=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
  echo "$v"
}

ringwatch_find_jdk() {
  local cand feature best="" best_feature=0
  if [ -n "${JAVA_HOME:-}" ]; then
    feature=$(ringwatch_jdk_feature "$JAVA_HOME")
    if [ -n "$feature" ] && [ "$feature" -ge 25 ]; then echo "$JAVA_HOME"; return 0; fi
    echo "ringwatch: JAVA_HOME=$JAVA_HOME is not a JDK 25 or newer; looking under /usr/lib/jvm" >&2
  fi
  for cand in /usr/lib/jvm/* /opt/java/* /usr/local/lib/jvm/*; do
    [ -d "$cand" ] || continue
    feature=$(ringwatch_jdk_feature "$cand")
    if [ -n "$feature" ] && [ "$feature" -ge 25 ] && [ "$feature" -gt "$best_feature" ]; then
      best=$cand; best_feature=$feature
    fi
  done
  if [ -z "$best" ]; then
    echo "ringwatch: no JDK 25 or newer found (JAVA_HOME unset or too old, nothing under /usr/lib/jvm). Install one, e.g. Temurin 25, or set JAVA_HOME." >&2
    return 1
  fi
  echo "$best"
}

JAVA_HOME=$(ringwatch_find_jdk) || exit 1
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
