# Shared by the scripts in jobs/: find the project, build it when needed, run the application.
CUSTMASTER_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CUSTMASTER_HOME
JAR="$CUSTMASTER_HOME/target/custmaster.jar"

# Spark on Java 17 needs these (see pom.xml property spark.jvm.opens, which Surefire uses too; the
# incubator vector module is left out here: it is optional and makes the JVM print a warning).
SPARK_JVM_OPTS="-XX:+IgnoreUnrecognizedVMOptions \
--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
--add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
--add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
--add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED \
--add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
--add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED \
-Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true"

ensure_built() {
  local stale=""
  if [ ! -f "$JAR" ] || [ ! -d "$CUSTMASTER_HOME/target/lib" ]; then
    stale="missing"
  elif [ -n "$(find "$CUSTMASTER_HOME/src/main" "$CUSTMASTER_HOME/pom.xml" -newer "$JAR" -print -quit)" ]; then
    stale="older than the sources"
  fi
  if [ -n "$stale" ]; then
    echo "custmaster: application $stale; building it (mvn -B -q -Dstyle.color=never -DskipTests package)..." >&2
    (cd "$CUSTMASTER_HOME" && mvn -B -q -Dstyle.color=never -DskipTests package) >&2
  fi
}

exec_app() {
  export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
  # shellcheck disable=SC2086
  exec java ${CUSTMASTER_JAVA_OPTS:--Xmx4g -XX:+UseParallelGC} $SPARK_JVM_OPTS \
    -Dspark.master="${SPARK_MASTER:-local[*]}" \
    -cp "$JAR:$CUSTMASTER_HOME/target/lib/*" com.custmaster.cli.Main "$@"
}
