package com.custmaster.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that needs Spark: test methods and constructors may then take a
 * {@link org.apache.spark.sql.SparkSession} parameter, the one local session shared by the whole
 * test run (see {@link SharedSparkSessionExtension}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(SharedSparkSessionExtension.class)
public @interface SharedSparkSession {
}
