"""Airflow DAG for the custmaster nightly job.

The run date is Airflow's logical date, so backfills and retries map one-to-one onto Spring Batch
job instances: a retry of a failed date resumes at the failed step, a completed date is a no-op.
Exit codes (docs/operations.md): 0 done; 1 failed and 3 another run in progress are retried; 2 (usage
or configuration error) fails the task at once without retries, since a retry would fail the same way.
After the run, whatever its outcome, `jobs/nightly history` puts the last runs into the task log and
the run report (var/reports/<date>/report.html, metrics.json) is named there.
"""
import subprocess
from datetime import datetime, timedelta

from airflow import DAG
from airflow.exceptions import AirflowException, AirflowFailException
from airflow.operators.bash import BashOperator
from airflow.operators.python import PythonOperator

HOME = "/opt/custmaster"


def run_nightly(ds, **_):
    result = subprocess.run([f"{HOME}/jobs/nightly", "--date", ds], cwd=HOME)
    if result.returncode == 0:
        print(f"report: {HOME}/var/reports/{ds}/report.html")
        return
    if result.returncode == 2:
        raise AirflowFailException("custmaster nightly: usage or configuration error (exit 2); see the log")
    raise AirflowException(f"custmaster nightly exited {result.returncode}; the retry resumes at the failed step")


with DAG(
    dag_id="custmaster_nightly",
    schedule="30 2 * * *",
    start_date=datetime(2026, 11, 1),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 2, "retry_delay": timedelta(minutes=15)},
) as dag:
    nightly = PythonOperator(task_id="nightly", python_callable=run_nightly)
    history = BashOperator(
        task_id="history",
        bash_command=f"cd {HOME} && ./jobs/nightly history --limit 7",
        trigger_rule="all_done",
        retries=0,
    )
    nightly >> history
