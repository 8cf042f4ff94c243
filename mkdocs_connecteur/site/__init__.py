"""The site and its languages: language being built, alternates, generated pages' places,
the footer, the Content-Security-Policy and the widget's static files."""
