"""Airflow DAG for the custmaster nightly job.

The run date is Airflow's logical date, so backfills and retries map one-to-one onto Spring Batch
job instances: a retry of a failed date resumes at the failed step, a completed date is a no-op.
Exit code 3 (another run in progress) is retried like a failure; 2 (configuration) needs a person.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator

with DAG(
    dag_id="custmaster_nightly",
    schedule="30 2 * * *",
    start_date=datetime(2026, 11, 1),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 2, "retry_delay": timedelta(minutes=15)},
) as dag:
    BashOperator(
        task_id="nightly",
        bash_command="cd /opt/custmaster && ./jobs/nightly --date {{ ds }}",
    )
