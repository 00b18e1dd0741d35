import { setProjectAnnotations } from '@storybook/nextjs-vite';
import * as preview from '../../.storybook/preview';

// The stories' own annotations (styles, bundled Inter font, mock Clerk loader and decorator).
setProjectAnnotations([preview]);
