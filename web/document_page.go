package web

import (
	"context"

	"github.com/entente/entente"
)

// A statement can hold 100,000 sentences (tens of megabytes with their
// labels): the API sends them a page at a time.

// GetDocumentInput names a document and the window of its sentences.
type GetDocumentInput struct {
	ID              int64 `path:"id" minimum:"1"`
	SentencesOffset int   `query:"sentences_offset" default:"0" minimum:"0" doc:"The first sentence to include, from 0 in document order"`
	SentencesLimit  int   `query:"sentences_limit" default:"1000" minimum:"1" maximum:"5000" doc:"How many sentences to include at most; sentence_page says how many there are"`
}

// DocumentWithPage is a document with one window of its sentences in its
// extraction, and where that window stands.
type DocumentWithPage struct {
	entente.StoredDocument
	SentencePage entente.SentencePage `json:"sentence_page"`
}

type documentOutput struct{ Body DocumentWithPage }

func (s *Server) getDocument(ctx context.Context, in *GetDocumentInput) (*documentOutput, error) {
	d, page, err := s.cfg.Store.DocumentPage(ctx, in.ID, in.SentencesOffset, in.SentencesLimit)
	if err != nil {
		return nil, s.lookupErr("document", in.ID, err)
	}
	return &documentOutput{Body: DocumentWithPage{StoredDocument: *d, SentencePage: *page}}, nil
}

// SentencesInput pages a document's sentences.
type SentencesInput struct {
	ID     int64 `path:"id" minimum:"1"`
	Offset int   `query:"offset" default:"0" minimum:"0" doc:"The first sentence, from 0 in document order"`
	Limit  int   `query:"limit" default:"200" minimum:"1" maximum:"5000"`
}

// SentenceList is a page of a document's sentences with their labels.
type SentenceList struct {
	Sentences []entente.Sentence `json:"sentences"`
	Offset    int                `json:"offset"`
	Limit     int                `json:"limit"`
	Total     int                `json:"total" doc:"How many sentences the document has"`
}

type sentenceListOutput struct{ Body SentenceList }

func (s *Server) listSentences(ctx context.Context, in *SentencesInput) (*sentenceListOutput, error) {
	d, page, err := s.cfg.Store.DocumentPage(ctx, in.ID, in.Offset, in.Limit)
	if err != nil {
		return nil, s.lookupErr("document", in.ID, err)
	}
	out := SentenceList{Sentences: []entente.Sentence{}, Offset: page.Offset, Limit: page.Limit, Total: page.Total}
	if d.Extraction != nil {
		out.Sentences = append(out.Sentences, d.Extraction.Sentences...)
	}
	return &sentenceListOutput{Body: out}, nil
}
