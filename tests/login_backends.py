from axes.backends import AxesStandaloneBackend


class RequestlessLoginAllowed(AxesStandaloneBackend):
    """Axes' check for every sign-in through a request; client.login() has none to check."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
