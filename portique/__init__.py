"""Portique: an online immigration application portal."""
