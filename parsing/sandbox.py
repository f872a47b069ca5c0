"""Parse one file where a runaway can be stopped: a child process with a time and a memory limit.

Used for uploads, which would otherwise be parsed inside the Streamlit server process, where one hostile
file could stall every session. The child sets RLIMIT_AS (address space) before parsing; the parent waits
at most `seconds` and then kills it. Either way the caller gets a payload with a reason a user understands.
"""

from __future__ import annotations

import multiprocessing
import os

TIME_LIMIT_S = float(os.environ.get("REPORT_PARSE_SECONDS", "60"))
MEMORY_LIMIT_MB = int(os.environ.get("REPORT_PARSE_MEMORY_MB", "2048"))


def _child(conn, item, memory_mb: int) -> None:
    try:
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # pragma: no cover - not on this platform
        pass
    from .corpus import parse_payload

    try:
        conn.send(parse_payload(item))
    except MemoryError:
        conn.send(({"error": f"解析时内存超过上限（{memory_mb} MB），已停止；文件可能过大或已损坏"}, ""))
    finally:
        conn.close()


def parse_isolated(item: tuple[str, bytes], seconds: float = TIME_LIMIT_S,
                   memory_mb: int = MEMORY_LIMIT_MB) -> tuple[dict, str]:
    """parse_payload(item) in a child process; a timeout or a crash becomes an error payload."""
    context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(child, item, memory_mb), daemon=True)
    process.start()
    child.close()
    try:
        if parent.poll(seconds):
            try:
                return parent.recv()
            except EOFError:
                pass
        else:
            process.kill()
            process.join(5)
            return {"error": f"解析超过 {seconds:g} 秒仍未完成，已停止（文件可能过大、嵌套过深或已损坏）"}, ""
        process.join(5)
        return {"error": f"解析进程意外退出（代码 {process.exitcode}），可能超过内存上限 {memory_mb} MB"}, ""
    finally:
        parent.close()
        if process.is_alive():
            process.kill()
