// Package ner is dyad's named-entity recognizer.
package ner
