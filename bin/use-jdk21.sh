# Sourced by devstack.sh and .ci/run: makes JAVA_HOME point at a JDK 21 or newer.
# Keeps JAVA_HOME or the `java` on the PATH when either is new enough; otherwise takes the
# newest JDK 21+ found in the usual install folders; otherwise stops with what to do.

java_major_of() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F' = ' '/java.specification.version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1])}'
}

java_home_of_path_java() {
  command -v java >/dev/null 2>&1 || return 0
  java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.home/ {print $2}'
}

pick_jdk21() {
  local candidate best="" best_major=0 major
  for candidate in "${JAVA_HOME:-}" "$(java_home_of_path_java)"; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ]; then
      major=$(java_major_of "$candidate")
      if [ "${major:-0}" -ge 21 ]; then echo "$candidate"; return 0; fi
    fi
  done
  for candidate in /usr/lib/jvm/* /opt/java/* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major_of "$candidate")
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major=$major; fi
  done
  [ -n "$best" ] && echo "$best"
}

if JAVA_HOME_21=$(pick_jdk21) && [ -n "$JAVA_HOME_21" ]; then
  export JAVA_HOME="$JAVA_HOME_21"
  export PATH="$JAVA_HOME/bin:$PATH"
  # Maven's own libraries still use sun.misc.Unsafe; JDK 24+ warns about it on every build.
  if [ "$(java_major_of "$JAVA_HOME")" -ge 24 ]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
else
  echo "Ticklist needs a JDK 21 or newer, and none was found. Install one and set JAVA_HOME to it." >&2
  exit 1
fi
