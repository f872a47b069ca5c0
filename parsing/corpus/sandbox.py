"""Parse files where a runaway can be stopped: worker processes with a time and a memory limit per file.

Used for uploads (which would otherwise be parsed inside the Streamlit server process, where one hostile
file could stall every session) and for the data folder. Each worker sets RLIMIT_AS (address space) before
parsing and takes one file at a time; the parent gives every file `seconds` and kills the worker that
overruns, starts a fresh one and carries on with the rest. Either way the caller gets, for every file, a
payload or an error with a reason a user understands.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import time
from collections.abc import Callable
from multiprocessing.connection import wait

import orjson

TIME_LIMIT_S = float(os.environ.get("REPORT_PARSE_SECONDS", "60"))
# An error payload marked so is a limit of the moment (time, memory, a worker that died), not of the file: a busy
# machine may parse it next time. The parse cache never stores one (a report stopped once stayed hidden for good).
TRANSIENT = "transient"
MEMORY_LIMIT_MB = int(os.environ.get("REPORT_PARSE_MEMORY_MB", "2048"))


def _limit_memory(memory_mb: int) -> None:
    """Cap the address space at what the process already maps plus memory_mb: a worker forked from a
    large process (the Streamlit server maps gigabytes of thread stacks and libraries) still gets its
    full budget for the parse."""
    try:
        import resource

        try:
            with open("/proc/self/statm") as fh:
                mapped = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            mapped = 0
        limit = mapped + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # pragma: no cover - not on this platform
        pass


# A few lines in the genre's shapes (written here, not taken from a report): parsing them once loads what a
# process's first parse loads (the segmenter's dictionary, the gazetteer, the compiled patterns), ~0.4 s.
WARM_UP = ("预热.txt", "某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n本年度主动公开政府信息100条，"
           "通过政府网站、政务微博发布。\n收到政府信息公开申请5件。\n五、存在的主要问题及改进情况\n"
           "公开内容不够全面。下一步将加强培训。\n".encode())


def _worker(conn, memory_mb: int, split_checks: bool = False, warm: bool = False) -> None:
    """Take (index, item) pairs until None; answer (index, payload, text) for each.

    split_checks: the payload in the parse cache's form (parsing/corpus/cache.py slim_payload) with the checks
    as JSON text under "checks_json", which the parent stores without decoding (80 % of a payload's bytes).
    warm: parse WARM_UP first, before any file is sent (a worker started ahead, see Ahead)."""
    _limit_memory(memory_mb)
    gc.enable()  # forked from a load that pauses the collector (build.paused_gc): a worker collects as usual
    from parsing.corpus.build import parse_payload
    from parsing.corpus.cache import slim_payload

    if warm:
        try:
            parse_payload(WARM_UP)
        except Exception:  # noqa: BLE001 - only a head start: the files' own parses report their errors
            pass

    try:
        while True:
            task = conn.recv()
            if task is None:
                return
            index, item = task
            try:
                payload, text = parse_payload(item)
            except MemoryError:
                payload, text = {"error": _memory_reason(memory_mb), TRANSIENT: True}, ""
            if split_checks and "record" in payload:
                payload, checks = slim_payload(payload)
                payload["checks_json"] = orjson.dumps(checks).decode()
            # JSON, not pickle: the payload is JSON-ready, and orjson both ways costs a third of pickling it
            conn.send_bytes(orjson.dumps([index, payload, text]))
    except (EOFError, OSError):
        return
    finally:
        conn.close()


def _memory_reason(memory_mb: int) -> str:
    return f"解析时内存超过上限（{memory_mb} MB），已停止；文件可能过大或已损坏"


def _timeout_reason(seconds: float) -> str:
    return f"解析超过 {seconds:g} 秒仍未完成，已停止（文件可能过大、嵌套过深或已损坏）"


class _Slot:
    """One worker process and the file it is working on."""

    def __init__(self, context, memory_mb: int, split_checks: bool = False, warm: bool = False):
        self.conn, child = context.Pipe(duplex=True)
        self.process = context.Process(target=_worker, args=(child, memory_mb, split_checks, warm), daemon=True)
        self.process.start()
        child.close()
        self.index: int | None = None
        self.deadline = 0.0

    def give(self, index: int, item, seconds: float) -> None:
        self.index, self.deadline = index, time.monotonic() + seconds
        self.conn.send((index, item))

    def stop(self, kill: bool = False) -> None:
        try:
            if not kill:
                self.conn.send(None)
        except (OSError, ValueError):
            kill = True
        if kill and self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        if self.process.is_alive():  # pragma: no cover - a process that ignores SIGKILL
            self.process.kill()
        self.conn.close()


def _context():
    return multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")


class Ahead:
    """Workers started before their files are known, so that each pays its first-parse cost (WARM_UP) while
    the caller is still working out what to parse: adding one file to 10,000 otherwise waits ~0.4 s for it.
    parse_supervised takes them (with the same memory limit and split_checks); close() stops those not taken."""

    def __init__(self, count: int, split_checks: bool = False, memory_mb: int | None = None):
        self.memory_mb = MEMORY_LIMIT_MB if memory_mb is None else memory_mb
        self.split_checks = split_checks
        context = _context()
        self._slots = [_Slot(context, self.memory_mb, split_checks, warm=True) for _ in range(count)]

    def take(self, count: int, memory_mb: int, split_checks: bool) -> list[_Slot]:
        if (memory_mb, split_checks) != (self.memory_mb, self.split_checks):
            return []
        taken, self._slots = self._slots[:count], self._slots[count:]
        return taken

    def close(self) -> None:
        for slot in self._slots:
            slot.stop(kill=True)  # never given a file: nothing is lost, and its warm-up is not waited for
        self._slots = []


def parse_supervised(todo: list[tuple[str, bytes]], workers: int = 1, seconds: float | None = None,
                     memory_mb: int | None = None,
                     progress: Callable[[int, int], None] | None = None,
                     on_result: Callable[[int, dict, str], None] | None = None,
                     split_checks: bool = False, ahead: Ahead | None = None) -> list[tuple[dict, str]]:
    """parse_payload for every (name, bytes), in `workers` child processes, each file within `seconds`
    and `memory_mb`. The results keep todo's order; a timeout or a crash is that file's error payload.

    on_result(index, payload, text): each result handed over as it arrives instead of collected (the
    returned list is then empty), so a caller can store it and keep only what it needs: 10,000 payloads
    held at once cost ~0.8 GB. split_checks (with on_result): payloads in the cache's form, checks as JSON text
    (see _worker). ahead: workers already started (and warmed), used before any new one is started."""
    seconds = TIME_LIMIT_S if seconds is None else seconds
    memory_mb = MEMORY_LIMIT_MB if memory_mb is None else memory_mb
    total = len(todo)
    results: list[tuple[dict, str] | None] = [None] * total
    if not total:
        return []
    context = _context()
    split = on_result is not None and split_checks
    count = max(1, min(workers, total))
    slots = ahead.take(count, memory_mb, split) if ahead is not None else []
    slots += [_Slot(context, memory_mb, split) for _ in range(count - len(slots))]
    queue = iter(range(total))
    done = 0
    step = 1 if total < 100 else 25

    def feed(slot: _Slot) -> None:
        index = next(queue, None)
        if index is None:
            slot.index = None
        else:
            slot.give(index, todo[index], seconds)

    def finish(index: int, result: tuple[dict, str]) -> None:
        nonlocal done
        if on_result is None:
            results[index] = result
        else:
            on_result(index, *result)
        done += 1
        if progress and (done % step == 0 or done == total):
            progress(done, total)

    def retire(pos: int, slot: _Slot, reason: str) -> None:
        """Kill the worker, name its file's reason, and start a fresh worker only if files are left."""
        slot.stop(kill=True)
        finish(slot.index, ({"error": reason, TRANSIENT: True}, ""))
        slot.index = None
        index = next(queue, None)
        if index is not None:
            slots[pos] = _Slot(context, memory_mb, split)
            slots[pos].give(index, todo[index], seconds)

    if progress:
        progress(0, total)
    try:
        for slot in slots:
            feed(slot)
        while any(slot.index is not None for slot in slots):
            busy = [slot for slot in slots if slot.index is not None]
            timeout = max(0.0, min(slot.deadline for slot in busy) - time.monotonic())
            ready = wait([slot.conn for slot in busy], timeout=timeout)
            now = time.monotonic()
            for pos, slot in enumerate(slots):
                if slot.index is None:
                    continue
                if slot.conn in ready:
                    try:
                        raw = slot.conn.recv_bytes()
                    except (EOFError, OSError):  # the worker died: most often the memory limit
                        code = slot.process.exitcode if not slot.process.is_alive() else None
                        retire(pos, slot, f"解析进程意外退出（代码 {code}），可能超过内存上限 {memory_mb} MB")
                    else:
                        feed(slot)  # the worker's next file first: it parses while this result is handled
                        index, payload, text = orjson.loads(raw)
                        finish(index, (payload, text))
                elif now >= slot.deadline:
                    retire(pos, slot, _timeout_reason(seconds))
    finally:
        for slot in slots:
            slot.stop(kill=slot.index is not None)
    return results if on_result is None else []  # type: ignore[return-value]


def parse_isolated(item: tuple[str, bytes], seconds: float | None = None,
                   memory_mb: int | None = None) -> tuple[dict, str]:
    """parse_payload(item) in a child process; a timeout or a crash becomes an error payload."""
    return parse_supervised([item], 1, seconds, memory_mb)[0]
