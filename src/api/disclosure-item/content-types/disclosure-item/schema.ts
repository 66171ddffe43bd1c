// The 公开事项 schema. TypeScript rather than schema.json so that its value lists come from their one
// owners, src/domain/disclosure-rules.ts and catalogue-query.ts (edit this file, not through the Content-Type Builder).
import { DISCLOSURE, EXEMPTION_REASONS } from '../../../../domain/disclosure-rules';
import { LAPSES, VALIDITIES } from '../../../../domain/catalogue-query';

export default {
  "kind": "collectionType",
  "collectionName": "disclosure_items",
  "info": {
    "singularName": "disclosure-item",
    "pluralName": "disclosure-items",
    "displayName": "公开事项 Disclosure item",
    "description": "政府信息公开目录的一条: one entry of the disclosure catalogue"
  },
  "options": {
    "draftAndPublish": true
  },
  "attributes": {
    "title": {
      "type": "string",
      "required": true,
      "maxLength": 200
    },
    "indexNumber": {
      "type": "string",
      "unique": true,
      "maxLength": 60
    },
    "documentNumber": {
      "type": "string",
      "maxLength": 100
    },
    "department": {
      "type": "relation",
      "relation": "manyToOne",
      "target": "api::department.department",
      "inversedBy": "items",
      "pluginOptions": {
        "disclosure": {
          "requiredInForm": true
        }
      }
    },
    "formedAt": {
      "type": "date",
      "required": true
    },
    "publishedDate": {
      "type": "datetime"
    },
    "category": {
      "type": "relation",
      "relation": "manyToOne",
      "target": "api::disclosure-category.disclosure-category"
    },
    "genre": {
      "type": "enumeration",
      "enum": [
        "regulation",
        "normativeDocument",
        "notice",
        "announcement",
        "report",
        "decision",
        "opinion",
        "plan",
        "interpretation",
        "other"
      ],
      "default": "other",
      "required": true
    },
    "keywords": {
      "type": "string",
      "maxLength": 200
    },
    "summary": {
      "type": "text",
      "maxLength": 100
    },
    "body": {
      "type": "richtext"
    },
    "attachments": {
      "type": "media",
      "multiple": true,
      "allowedTypes": [
        "files",
        "images"
      ]
    },
    "disclosure": {
      "type": "enumeration",
      "enum": [...DISCLOSURE],
      "default": "proactive",
      "required": true
    },
    "exemptionReason": {
      "type": "enumeration",
      "enum": [...EXEMPTION_REASONS],
      "private": true
    },
    "reviewAt": {
      "type": "date",
      "private": true
    },
    "classified": {
      "type": "boolean",
      "default": false
    },
    "validity": {
      "type": "enumeration",
      "enum": [...VALIDITIES],
      "default": "valid",
      "required": true
    },
    "validityChangedAt": {
      "type": "date"
    },
    "effectiveAt": {
      "type": "date"
    },
    "repealAt": {
      "type": "date"
    },
    "repealAs": {
      "type": "enumeration",
      "enum": [...LAPSES],
      "default": "repealed"
    },
    "supersededBy": {
      "type": "relation",
      "relation": "manyToOne",
      "target": "api::disclosure-item.disclosure-item",
      "inversedBy": "supersedes"
    },
    "supersedes": {
      "type": "relation",
      "relation": "oneToMany",
      "target": "api::disclosure-item.disclosure-item",
      "mappedBy": "supersededBy"
    },
    "changedAt": {
      "type": "date"
    },
    "timelinessDays": {
      "type": "integer"
    },
    "timelinessMet": {
      "type": "boolean"
    },
    "important": {
      "type": "boolean",
      "default": false
    },
    "related": {
      "type": "relation",
      "relation": "manyToMany",
      "target": "api::disclosure-item.disclosure-item"
    },
    "interprets": {
      "type": "relation",
      "relation": "manyToMany",
      "target": "api::disclosure-item.disclosure-item",
      "inversedBy": "interpretations"
    },
    "interpretations": {
      "type": "relation",
      "relation": "manyToMany",
      "target": "api::disclosure-item.disclosure-item",
      "mappedBy": "interprets"
    },
    "internalNotes": {
      "type": "text",
      "private": true
    },
    "emergencyStopReason": {
      "type": "text",
      "maxLength": 1000,
      "private": true
    }
  }
};
