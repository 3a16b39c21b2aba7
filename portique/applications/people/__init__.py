"""The people on an application: adding and removing them, their answers form by form
(``services``), their progress and names (``selectors``), their pages (``views``), and
the parent or guardian who signs for a minor (``guardian``)."""
