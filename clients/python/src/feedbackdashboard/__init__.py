"""FeedbackDashboard's Python client: ``FeedbackClient(base_url=..., api_key=...)``."""

from .client import FeedbackClient, FeedbackClientError

__all__ = ["FeedbackClient", "FeedbackClientError"]
__version__ = "0.1.0"
