"""The content: ```connecteur``` fences and the widget's HTML, their expectations, the rubric in
force, the rule pages, the guide links and French typography."""
