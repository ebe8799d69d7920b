"""A job for the tests of the worker: it hangs on its first attempt (so that the test can kill
its worker) and, run again, writes how many attempts it took."""

import time
from pathlib import Path

from django_tasks import task


@task(queue_name="impor", takes_context=True)
def tulis_percobaan(context, berkas, detik):
    percobaan = len(context.task_result.worker_ids)
    if percobaan == 1:
        Path(berkas).with_suffix(".mulai").write_text("1")
        time.sleep(detik)
    Path(berkas).write_text(str(percobaan))
