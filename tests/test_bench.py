"""The bench harness's sums and the shape of what it prints; its timings are never asserted."""

import os

import pytest

from partnerships import bench_http


def test_percentile_interpolates_between_ranks():
    values = [4.0, 1.0, 3.0, 2.0, 5.0]
    assert bench_http.percentile(values, 50) == 3.0
    assert bench_http.percentile(values, 0) == 1.0
    assert bench_http.percentile(values, 100) == 5.0
    assert bench_http.percentile(values, 99) == pytest.approx(4.96)
    assert bench_http.percentile([7.0], 99) == 7.0


def test_percentile_of_nothing_is_an_error():
    with pytest.raises(ValueError):
        bench_http.percentile([], 50)


def test_summary_gives_p50_p99_and_rate():
    summary = bench_http.summarise([10.0, 20.0, 30.0], load_count=50, load_seconds=2.0, errors=1)
    assert summary == {"p50_ms": 20.0, "p99_ms": 29.8, "rps": 25.0, "requests": 53, "errors": 1}


def test_ratios_against_the_hello_world_view():
    hello = {"p50_ms": 2.0, "rps": 1000.0}
    fast = bench_http.ratios({"p50_ms": 12.0, "rps": 150.0}, hello)
    assert fast == {"p50_ratio": 6.0, "rps_ratio": 0.15, "within_target": True}
    slow_time = bench_http.ratios({"p50_ms": 18.0, "rps": 150.0}, hello)
    assert slow_time["p50_ratio"] == 9.0 and not slow_time["within_target"]
    low_rate = bench_http.ratios({"p50_ms": 12.0, "rps": 90.0}, hello)
    assert low_rate["rps_ratio"] == 0.09 and not low_rate["within_target"]
    assert bench_http.ratios({"p50_ms": 1.0, "rps": 1.0}, {"p50_ms": 0, "rps": 0})["within_target"] is False


def test_a_page_is_measured_beside_the_hello_world_view_in_turns():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    plan = bench_http.Plan(sequential=4, load_requests=8, load_seconds=5, rounds=2)
    with (
        bench_http.gunicorn("config.hello_wsgi:application", env, "/") as hello_port,
        bench_http.gunicorn("config.hello_wsgi:application", env, "/") as port,
    ):
        assert bench_http.get(port, "/")[0] == 200
        page, hello = bench_http.measure_beside(hello_port, port, "/", None, plan)
    for figures in (page, hello):
        assert set(figures) == {"p50_ms", "p99_ms", "rps", "requests", "errors"}
        assert figures["requests"] == 12  # 2 runs of 2 in turn, then 2 load runs of 4
        assert figures["errors"] == 0


def test_the_server_is_given_only_the_cache_it_is_measured_on(monkeypatch, tmp_path):
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/3")
    assert "REDIS_URL" not in bench_http.server_environment(tmp_path)
    assert bench_http.server_environment(tmp_path, "redis://127.0.0.1:6379/12")["REDIS_URL"].endswith("/12")


def test_a_redis_that_does_not_answer_is_named():
    reason = bench_http.redis_answers(f"redis://127.0.0.1:{bench_http.free_port()}/0")
    assert reason.startswith("no Redis answered at redis://127.0.0.1:")
