package com.custmaster.publish;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Names and Spark schemas of the lake tables the master export writes. The contract is
 * docs/outputs.md; change both together. The {@code snapshot_date} column comes from the folder
 * name (Hive-style partition), not from the files.
 */
public final class LakeTables {

    public static final String CUSTOMER_MASTER = "customer_master";
    public static final String CUSTOMER_XREF = "customer_xref";
    public static final String CUSTOMER_VALUE = "customer_value";
    public static final String TRANSACTIONS = "transactions";

    public static final StructType CUSTOMER_MASTER_SCHEMA = new StructType()
            .add("master_id", DataTypes.StringType, false)
            .add("full_name", DataTypes.StringType)
            .add("given_name", DataTypes.StringType)
            .add("family_name", DataTypes.StringType)
            .add("email", DataTypes.StringType)
            .add("phone", DataTypes.StringType)
            .add("birth_date", DataTypes.DateType)
            .add("address_line", DataTypes.StringType)
            .add("city", DataTypes.StringType)
            .add("postcode", DataTypes.StringType)
            .add("region", DataTypes.StringType)
            .add("country", DataTypes.StringType)
            .add("company", DataTypes.StringType)
            .add("id_number", DataTypes.StringType)
            .add("source_count", DataTypes.IntegerType, false)
            .add("created_run", DataTypes.DateType, false)
            .add("updated_run", DataTypes.DateType, false);

    public static final StructType CUSTOMER_XREF_SCHEMA = new StructType()
            .add("source", DataTypes.StringType, false)
            .add("source_record_id", DataTypes.StringType, false)
            .add("master_id", DataTypes.StringType, false);

    private LakeTables() {
    }
}
