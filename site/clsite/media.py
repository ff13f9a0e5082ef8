"""Images from MEDIA_ROOT on local disk, and nothing else there."""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.static import serve

# Wagtail writes originals and renditions here; it restricts neither. Documents live beside them
# but are private to their collection and served only by wagtail.documents' view.
PUBLIC_FOLDERS = ("original_images", "images")


def serve_image(request, path):
    # Normalise first, as django.views.static.serve does: "images/../documents/x" is a document.
    folder = posixpath.normpath(path).lstrip("/").split("/", 1)[0]
    if folder not in PUBLIC_FOLDERS:
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)
