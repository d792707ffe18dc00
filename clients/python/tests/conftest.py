"""The tests talk to a real FeedbackDashboard: FEEDBACKDASHBOARD_URL and FEEDBACKDASHBOARD_API_KEY name it.

The repository's test command (dotnet test FeedbackDashboard.sln) starts one in Production mode and
runs these tests against it; to run them alone, start the dashboard and set the two variables.
"""

import os

import pytest


@pytest.fixture(scope="session")
def dashboard():
    url = os.environ.get("FEEDBACKDASHBOARD_URL")
    key = os.environ.get("FEEDBACKDASHBOARD_API_KEY")
    if not url or not key:
        pytest.fail("Set FEEDBACKDASHBOARD_URL and FEEDBACKDASHBOARD_API_KEY to a running dashboard and its ingest key.")
    return url.rstrip("/") + "/", key
