"""The guided stretch window: cards, the figure, the hold ring, sides and the safety stop."""
