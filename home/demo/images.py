"""Simple generated pictures for the demo, so it needs nothing from the network."""

import hashlib
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

PALETTE = ["#0b4f8a", "#8a3b00", "#1d6b2f", "#6a1b9a", "#00695c", "#ad1457", "#37474f", "#e65100"]


def _colours(seed):
    digest = hashlib.sha256(seed.encode()).digest()
    return [PALETTE[b % len(PALETTE)] for b in digest[:4]], digest


def _picture(seed, size):
    (bg, a, b, c), digest = _colours(seed)
    img = PILImage.new("RGB", size, "#f3f6f9")
    draw = ImageDraw.Draw(img)
    w, h = size
    draw.rectangle([0, int(h * 0.62), w, h], fill=bg)
    for i, colour in enumerate((a, b, c)):
        r = int(h * (0.12 + digest[4 + i] / 255 * 0.15))
        x = int(w * (0.2 + 0.3 * i))
        y = int(h * (0.35 + digest[8 + i] / 255 * 0.2))
        draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
    return img


def _logo(seed, initials):
    (bg, *_), _ = _colours(seed)
    img = PILImage.new("RGB", (240, 240), "#ffffff")
    draw = ImageDraw.Draw(img)
    draw.ellipse([8, 8, 232, 232], fill=bg)
    draw.text((120, 120), initials, fill="#ffffff", anchor="mm", font_size=96)
    return img


def _save(title, pil_image, collection=None):
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = BytesIO()
    pil_image.save(buffer, format="PNG")
    filename = hashlib.sha1(title.encode()).hexdigest()[:12] + ".png"
    kwargs = {"collection": collection} if collection else {}
    image = Image(title=title, file=ImageFile(buffer, name=filename), **kwargs)
    image.save()
    return image


def program_image(title):
    return _save(f"Illustration: {title}", _picture(title, (1200, 800)))


def partner_logo(name):
    initials = "".join(word[0] for word in name.split() if word[0].isalpha())[:2].upper()
    return _save(f"Logo: {name}", _logo(name, initials))
